package org.custodia.platform;

/**
 * The family of refusals a user can act on: each names a machine-readable code, the field and the value
 * that caused it, and a sentence saying what is wrong. The REST layer turns the family into RFC 9457
 * problem documents with one mapper; the EJB container treats it as an application exception (declared in
 * ejb-jar.xml) so the transaction rolls back and nothing is half-written.
 */
public abstract class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What kind of refusal this is; decides the HTTP status. */
  public enum Kind {
    INVALID,
    NOT_FOUND,
    CONFLICT,
    TOO_LARGE
  }

  private final Kind kind;
  private final String code;
  private final String field;
  private final String value;

  protected DomainException(Kind kind, String code, String field, Object value, String message) {
    super(message);
    this.kind = kind;
    this.code = code;
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  public Kind kind() {
    return kind;
  }

  /** A short stable code such as {@code pool-exhausted}. */
  public String code() {
    return code;
  }

  /** The request field at fault, or null when the refusal is about the request as a whole. */
  public String field() {
    return field;
  }

  public String value() {
    return value;
  }
}
