package dev.tunebeam.trainer.contract;

/**
 * A hyperparameter a trainer cannot use: the trial fails with this message, the contract's exit
 * code 2. The message names the parameter, the bad value and what is allowed.
 */
public final class BadParameterException extends IllegalArgumentException {
  public BadParameterException(String message) {
    super(message);
  }
}
