/**
 * Shared checks for the transforms' settings ({@code Checks}) and the exception that names the
 * field, the bad value and what is allowed ({@code InvalidSettingException}).
 *
 * <p>Decision: a setting is checked once, in the {@code withX} method that takes it, in the
 * library's words; the main job maps a field to its flag only when it prints the sentence.
 */
package dev.tunebeam.transforms.settings;
