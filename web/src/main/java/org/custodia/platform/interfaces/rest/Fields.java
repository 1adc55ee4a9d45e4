package org.custodia.platform.interfaces.rest;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.custodia.gs1.Gs1Exception;

/**
 * Turns request strings into value objects at the edge (STYLE.md 6), naming the field when one is wrong.
 */
public final class Fields {

  private Fields() {}

  /** {@code parser.apply(value)}, or an {@link InvalidFieldException} naming {@code field}. */
  public static <T> T required(String field, String value, Function<String, T> parser) {
    if (value == null) {
      throw new InvalidFieldException(field, null, null, "required", "field \"" + field + "\" is required");
    }
    try {
      return parser.apply(value);
    } catch (Gs1Exception e) {
      throw new InvalidFieldException(
          field, value, e.ai(), e.rule(), "field \"" + field + "\": " + e.getMessage());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new InvalidFieldException(
          field, value, null, "format", "field \"" + field + "\" has the wrong format: \"" + value + "\"");
    }
  }

  /** Like {@link #required} but null stays null. */
  public static <T> T optional(String field, String value, Function<String, T> parser) {
    return value == null ? null : required(field, value, parser);
  }

  /** Every element converted; the field is named with its index, e.g. {@code serials[3]}. */
  public static <T> List<T> list(String field, List<String> values, Function<String, T> parser) {
    if (values == null) {
      throw new InvalidFieldException(field, null, null, "required", "field \"" + field + "\" is required");
    }
    List<T> out = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.add(required(field + "[" + i + "]", values.get(i), parser));
    }
    return out;
  }

  /** An enum constant by name, case-insensitive, or a refusal listing the allowed names. */
  public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
    if (value == null) {
      throw new InvalidFieldException(field, null, null, "required", "field \"" + field + "\" is required");
    }
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<String> names = new ArrayList<>();
      for (E c : type.getEnumConstants()) {
        names.add(c.name());
      }
      throw new InvalidFieldException(
          field, value, null, "one-of", "field \"" + field + "\" must be one of " + names + ", was \"" + value + "\"");
    }
  }
}
