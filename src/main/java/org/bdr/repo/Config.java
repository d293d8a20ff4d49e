package org.bdr.repo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The repository config: format version, repository id and the chunker polynomial.
 *
 * @param version the format version, 1 or 2
 * @param id the repository's random id, 64 hex digits
 * @param chunkerPolynomial the chunker's polynomial in hex
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Config(
    @JsonProperty("version") int version,
    @JsonProperty("id") String id,
    @JsonProperty("chunker_polynomial") String chunkerPolynomial) {

  /** The newest format version bdr reads and writes. */
  public static final int LATEST_VERSION = 2;
}
