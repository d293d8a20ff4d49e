/**
 * Finding protected health information (PHI). A finding says where an identifier sits and of which
 * type, never what it is.
 *
 * <p>Nouns of this package:
 *
 * <ul>
 *   <li>An <em>identifier</em> is one of the HIPAA Safe Harbor categories ({@link
 *       org.bdr.phi.IdentifierType}).
 *   <li>A <em>detection</em> is a place in a file where a detector believes an identifier sits,
 *       with a confidence; detections below the threshold of the chosen {@link
 *       org.bdr.phi.Sensitivity} are dropped.
 *   <li>A {@link org.bdr.phi.Finding} is a kept detection: path, line or field, type, confidence.
 *       It never carries the matched text; at most a masked hint.
 *   <li>A {@link org.bdr.phi.FileScan} scans one file whose bytes are pushed in order, so the
 *       backup reads each file once; {@link org.bdr.phi.PhiScanner#scan} walks folders.
 * </ul>
 *
 * <p>File names often hold a patient's name, so findings and reports name files by their <em>safe
 * path</em>, in which every name part that holds an identifier is replaced by its type in brackets;
 * only {@link org.bdr.phi.FileResult#path()} keeps the caller's own name.
 *
 * <p>Structured formats (FHIR JSON, C-CDA XML, HL7 v2, X12, CSV, DICOM) are read by their
 * structure, so a value's field decides its type; free text goes through one pass of cheap
 * character triggers followed by local validators.
 */
package org.bdr.phi;
