package org.bdr.phi;

/**
 * The HIPAA Safe Harbor identifier categories the scanner reports. The corpus labels use the same
 * words except {@code HEALTH_PLAN_ID} for {@link #HEALTH_PLAN}; they count ZIP codes as {@code
 * ADDRESS}.
 */
public enum IdentifierType {
  /** Names of the patient, relatives, guarantors, insured persons and contacts. */
  NAME,
  /** Geographic data smaller than a state: street, city, county, geolocation. */
  ADDRESS,
  /** ZIP or postal code. */
  ZIP,
  /** Dates tied to a person (birth, admission, discharge, death, service), except the bare year. */
  DATE,
  /** Ages over 89. */
  AGE,
  /** Telephone numbers. */
  PHONE,
  /** Fax numbers. */
  FAX,
  /** E-mail and Direct addresses. */
  EMAIL,
  /** Social Security numbers. */
  SSN,
  /** Medical record numbers and other patient identifiers assigned by a provider. */
  MRN,
  /** Health plan beneficiary and member numbers, including the Medicare MBI. */
  HEALTH_PLAN,
  /** Account numbers, including visit and patient control numbers. */
  ACCOUNT,
  /** Certificate and license numbers, including driver's licences, NPI and DEA numbers. */
  LICENSE,
  /** Vehicle identifiers and serial numbers, including licence plates. */
  VEHICLE,
  /** Device identifiers and serial numbers, including UDIs. */
  DEVICE,
  /** Web URLs tied to a person. */
  URL,
  /** IP addresses, version 4 and 6. */
  IP,
  /** Biometric identifiers and full-face photographs. */
  BIOMETRIC,
  /** Any other unique identifying number, characteristic or code. */
  OTHER_ID
}
