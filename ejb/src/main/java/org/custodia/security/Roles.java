package org.custodia.security;

/**
 * The roles of REQUIREMENTS.md "Who uses it", as the security realm names them; the demo users of the
 * embedded default hold one each.
 */
public final class Roles {

  public static final String OPERATOR = "OPERATOR";
  public static final String QA = "QA";
  public static final String SUPPLY_CHAIN = "SUPPLY_CHAIN";
  public static final String COMPLIANCE = "COMPLIANCE";
  public static final String ADMIN = "ADMIN";
  public static final String AUDITOR = "AUDITOR";

  private Roles() {}
}
