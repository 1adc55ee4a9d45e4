package org.custodia.line.application;

/** Records an action done, in the caller's transaction (the audit feature's trail in the server). */
@FunctionalInterface
public interface AuditLog {

  void done(String action, String objectType, String objectId, String detail);
}
