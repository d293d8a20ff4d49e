package org.bdr.cli;

/**
 * A command that only groups subcommands, such as {@code bdr token}: its subcommands reach bdr's
 * environment and output channels through it.
 */
interface CommandGroup {

  /** The {@code bdr} command this group belongs to. */
  Main main();
}
