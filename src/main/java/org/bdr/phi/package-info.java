/**
 * Finding protected health information. A finding says where an identifier sits and of which type,
 * never what it is.
 */
package org.bdr.phi;
