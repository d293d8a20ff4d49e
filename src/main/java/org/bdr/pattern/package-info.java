/**
 * Path patterns for excluding files from a backup and selecting files to restore. A {@link
 * org.bdr.pattern.PathPatterns} is a compiled set of globs with restic's reading.
 */
package org.bdr.pattern;
