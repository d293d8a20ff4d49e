package org.bdr.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The role table, role names, and the refusal a person reads. */
class RoleTest {

  /** What each role may do, written out independently of {@link Role}. */
  private static final Map<Role, Set<Operation>> TABLE =
      Map.of(
          Role.ADMIN,
          EnumSet.allOf(Operation.class),
          Role.OPERATOR,
          EnumSet.of(
              Operation.BACKUP,
              Operation.RESTORE_DRY_RUN,
              Operation.VERIFY,
              Operation.LIST,
              Operation.STATUS,
              Operation.EXPORT_CONFIG,
              Operation.SCAN_PHI),
          Role.AUDITOR,
          EnumSet.of(
              Operation.LIST, Operation.STATUS, Operation.EXPORT_CONFIG, Operation.READ_AUDIT));

  static Stream<Arguments> everyRoleAndOperation() {
    return Stream.of(Role.values())
        .flatMap(
            r ->
                Stream.of(Operation.values())
                    .map(o -> Arguments.of(r, o, TABLE.get(r).contains(o))));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("everyRoleAndOperation")
  void allows_table_matchesDesign(Role role, Operation op, boolean expected) {
    assertThat(role.allows(op)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} {1} refused")
  @MethodSource("everyRoleAndOperation")
  void require_forbiddenOperation_throwsPermissionDenied(Role role, Operation op, boolean allowed) {
    if (allowed) {
      role.require(op);
      return;
    }
    assertThatThrownBy(() -> role.require(op))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
              assertThat(e.getMessage()).startsWith("the " + role.label() + " role may not ");
            });
  }

  @Test
  void denial_auditorBackup_namesOperationAndAllowedRoles() {
    BdrException e = Role.AUDITOR.denial(Operation.BACKUP);

    assertThat(e.code()).isEqualTo(ErrorCode.PERMISSION_DENIED);
    assertThat(e.getMessage()).isEqualTo("the auditor role may not create backups");
    assertThat(e.recovery())
        .isEqualTo(
            "over HTTP, ask an admin for a token with the operator or admin role; over stdio,"
                + " start bdr mcp with --role operator");
  }

  @Test
  void denial_operatorRestore_onlyAdminNamed() {
    BdrException e = Role.OPERATOR.denial(Operation.RESTORE);

    assertThat(e.getMessage()).isEqualTo("the operator role may not restore files");
    assertThat(e.recovery())
        .isEqualTo(
            "over HTTP, ask an admin for a token with the admin role; over stdio, start bdr mcp"
                + " with --role admin");
  }

  @Test
  void allowing_readAudit_auditorThenAdmin() {
    assertThat(Role.allowing(Operation.READ_AUDIT)).containsExactly(Role.AUDITOR, Role.ADMIN);
  }

  @ParameterizedTest
  @CsvSource({"admin,ADMIN", "Operator,OPERATOR", "' auditor ',AUDITOR", "ADMIN,ADMIN"})
  void parse_knownName_givesRole(String text, Role expected) {
    assertThat(Role.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"root", "''", "admins", "read-only"})
  void parse_unknownName_namesValueAndRoles(String text) {
    assertThatThrownBy(() -> Role.parse(text))
        .isInstanceOfSatisfying(
            BdrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
              assertThat(e.getMessage())
                  .contains("'" + text + "'")
                  .contains("admin")
                  .contains("operator")
                  .contains("auditor");
            });
  }

  @Test
  void parse_null_invalidArgument() {
    assertThatThrownBy(() -> Role.parse(null))
        .isInstanceOfSatisfying(
            BdrException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ARGUMENT));
  }
}
