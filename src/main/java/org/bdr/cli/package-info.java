/** The {@code bdr} command line: parses arguments, calls one use case, renders its result. */
package org.bdr.cli;
