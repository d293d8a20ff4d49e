/**
 * Where repository files live. A {@link org.bdr.backend.Backend} stores named, immutable files by
 * {@link org.bdr.backend.FileType}; it knows nothing of what the files hold.
 */
package org.bdr.backend;
