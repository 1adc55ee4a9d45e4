package org.custodia.trace.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.custodia.trace.application.PasswordCheck;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * Re-authenticates against the security domain the application runs in (Elytron): the same realm, rules
 * and password hashes as the login, without touching the user's session.
 */
@ApplicationScoped
public class ElytronPasswordCheck implements PasswordCheck {

  private static final Logger LOG = Logger.getLogger(ElytronPasswordCheck.class.getName());

  @Override
  public boolean verify(String user, char[] password) {
    SecurityDomain domain = SecurityDomain.getCurrent();
    if (domain == null) {
      throw new IllegalStateException("no Elytron security domain is associated with this call");
    }
    PasswordGuessEvidence evidence = new PasswordGuessEvidence(password.clone());
    try {
      domain.authenticate(user, evidence);
      return true;
    } catch (SecurityException refused) {
      return false;
    } catch (RealmUnavailableException e) {
      LOG.log(Level.SEVERE, "the security realm is unavailable for a signature", e);
      throw new IllegalStateException("the security realm is unavailable: " + e.getMessage(), e);
    } finally {
      evidence.destroy();
    }
  }
}
