package org.bdr.auth;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.bdr.error.BdrException;
import org.bdr.error.ErrorCode;

/**
 * A fixed set of operations a caller may perform. Over HTTP a caller's role comes from its bearer
 * token; over stdio from the local user's configuration.
 */
public enum Role {
  /** Everything. */
  ADMIN(EnumSet.allOf(Operation.class)),
  /** Runs and checks backups; may plan a restore but not carry one out. */
  OPERATOR(
      EnumSet.of(
          Operation.BACKUP,
          Operation.RESTORE_DRY_RUN,
          Operation.VERIFY,
          Operation.LIST,
          Operation.STATUS,
          Operation.EXPORT_CONFIG,
          Operation.SCAN_PHI)),
  /** Reads only: what was backed up when, and the audit trail; never file findings. */
  AUDITOR(
      EnumSet.of(Operation.LIST, Operation.STATUS, Operation.EXPORT_CONFIG, Operation.READ_AUDIT));

  private final Set<Operation> allowed;

  Role(Set<Operation> allowed) {
    this.allowed = allowed;
  }

  /**
   * The role named by {@code text}, ignoring case and surrounding blanks.
   *
   * @throws BdrException with {@link ErrorCode#INVALID_ARGUMENT} naming the value and the roles
   */
  public static Role parse(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (Role r : values()) {
      if (r.label().equals(wanted)) {
        return r;
      }
    }
    throw new BdrException(
        ErrorCode.INVALID_ARGUMENT,
        "unknown role '" + (text == null ? "" : text) + "': the roles are " + labels(values()),
        "choose admin (everything), operator (runs and checks backups) or auditor (reads only)");
  }

  /** The role's name as people write it: "admin", "operator", "auditor". */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether this role may perform {@code operation}. */
  public boolean allows(Operation operation) {
    return allowed.contains(operation);
  }

  /** The roles that may perform {@code operation}, least privileged first. */
  public static List<Role> allowing(Operation operation) {
    Role[] all = values();
    return Arrays.stream(all)
        .filter(r -> r.allows(operation))
        .sorted((a, b) -> Integer.compare(b.ordinal(), a.ordinal()))
        .toList();
  }

  /**
   * Does nothing if this role allows {@code operation}; otherwise throws the refusal.
   *
   * @throws BdrException see {@link #denial(Operation)}
   */
  public void require(Operation operation) {
    if (!allows(operation)) {
      throw denial(operation);
    }
  }

  /**
   * The refusal of {@code operation} to this role, as a person reads it: "the auditor role may not
   * create backups", with the roles that would be allowed in the recovery hint.
   */
  public BdrException denial(Operation operation) {
    List<Role> able = allowing(operation);
    String roles = able.stream().map(Role::label).collect(Collectors.joining(" or "));
    return new BdrException(
        ErrorCode.PERMISSION_DENIED,
        "the " + label() + " role may not " + operation.phrase(),
        "over HTTP, ask an admin for a token with the "
            + roles
            + " role; over stdio, start bdr mcp with --role "
            + able.get(0).label());
  }

  private static String labels(Role[] roles) {
    return Arrays.stream(roles).map(Role::label).collect(Collectors.joining(", "));
  }
}
