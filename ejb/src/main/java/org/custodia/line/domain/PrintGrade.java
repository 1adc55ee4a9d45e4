package org.custodia.line.domain;

import java.util.Locale;

/**
 * The overall print quality grade a verifying camera reports (ISO/IEC 15415 for 2D symbols): A to D and F,
 * or the numeric 4.0 to 0.0. GS1 healthcare asks for grade C (1.5) or better at the point of print.
 */
public enum PrintGrade {
  A,
  B,
  C,
  D,
  F;

  /** True for C or better. */
  public boolean acceptable() {
    return compareTo(C) <= 0;
  }

  /**
   * A letter grade, or a numeric one (3.5 and above A, 2.5 B, 1.5 C, 0.5 D, below F); null or anything else
   * is F, so that an unknown grade can never pass a unit.
   */
  public static PrintGrade parse(String grade) {
    if (grade == null || grade.isBlank()) {
      return F;
    }
    String g = grade.trim().toUpperCase(Locale.ROOT);
    if (g.length() == 1 && "ABCDF".indexOf(g.charAt(0)) >= 0) {
      return valueOf(g);
    }
    try {
      double v = Double.parseDouble(g);
      return v >= 3.5 ? A : v >= 2.5 ? B : v >= 1.5 ? C : v >= 0.5 ? D : F;
    } catch (NumberFormatException e) {
      return F;
    }
  }
}
