package org.custodia.label;

import java.util.Objects;

/**
 * Raised when an uploaded image or camera frame yields no barcode. It is a checked exception
 * because an unreadable frame is an expected outcome on a packaging line (the unit is rejected),
 * not a programming error; the {@link Reason} lets a caller answer "not an image", "too large" and
 * "no code found" differently, for example with different HTTP statuses.
 */
public class UnreadableImageException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why the image gave no barcode. */
  public enum Reason {
    /** The bytes are not an image format the JDK can read. */
    NOT_AN_IMAGE,
    /** The image is over the byte or pixel bound and was not decoded. */
    TOO_LARGE,
    /** The image was read, but no DataMatrix, QR Code or Code 128 symbol was found in it. */
    NO_BARCODE_FOUND
  }

  private final Reason reason;

  public UnreadableImageException(Reason reason, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public UnreadableImageException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Reason reason() {
    return reason;
  }
}
