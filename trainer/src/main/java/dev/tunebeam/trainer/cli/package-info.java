/**
 * The trainer's command line: picocli declarations ({@code Hyperparameters}, {@code ModelFlags},
 * {@code TrainerCommand}, the entry class) parsed by one {@code FlagParser}, with the generated
 * help.
 *
 * <p>Decision: one flag system with generated help; every old spelling ({@code --name value},
 * {@code --name=value}) is kept and a refusal is one sentence naming the flag.
 */
package dev.tunebeam.trainer.cli;
