package org.custodia.line.domain;

/**
 * Names one unit on a line: its work order and the sequence number its label data was sent with. The
 * line adapter tracks each pack by this reference from printer to camera to reject station.
 */
public record UnitRef(long workOrderId, int sequence) {

  @Override
  public String toString() {
    return "WO-" + workOrderId + "#" + sequence;
  }

  /** Reads the form of {@link #toString()}; empty for anything else (a pack the application did not label). */
  public static java.util.Optional<UnitRef> parse(String ref) {
    if (ref == null || !ref.startsWith("WO-")) {
      return java.util.Optional.empty();
    }
    int hash = ref.indexOf('#');
    try {
      long order = Long.parseLong(ref.substring(3, hash));
      int sequence = Integer.parseInt(ref.substring(hash + 1));
      return order > 0 && sequence > 0 ? java.util.Optional.of(new UnitRef(order, sequence))
          : java.util.Optional.empty();
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return java.util.Optional.empty();
    }
  }
}
