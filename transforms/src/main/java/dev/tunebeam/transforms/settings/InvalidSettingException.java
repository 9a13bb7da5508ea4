package dev.tunebeam.transforms.settings;

/**
 * A transform's setting refused where it entered (a {@code withX} call): the message is one
 * sentence that starts with the field's name, then the bad value and what is allowed ("maxFuse 0
 * must be at least 1"). A CLI that set the field from a flag names its flag instead through {@link
 * #withFieldCalled}, so the library never has to know the CLI's words.
 */
public final class InvalidSettingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** {@code rest} follows the field's name: "0 must be at least 1". */
  public InvalidSettingException(String field, String rest) {
    super(field + " " + rest);
    this.field = field;
  }

  /** The field as the library's builders call it, e.g. {@code maxFuse}. */
  public String field() {
    return field;
  }

  /**
   * The same sentence with the field called {@code name} (a CLI's flag, e.g. {@code --maxFuse}).
   */
  public String withFieldCalled(String name) {
    return name + getMessage().substring(field.length());
  }
}
