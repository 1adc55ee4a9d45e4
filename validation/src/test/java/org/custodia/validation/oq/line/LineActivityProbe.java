package org.custodia.validation.oq.line;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.custodia.line.application.LineActivity;

/**
 * Test only, in the probe module at {@code /test/line-activity}: tells the application's {@link
 * LineActivity} what the line adapter will tell it once wired, so the dashboard test sees reads, rejects
 * and line states arrive. {@code ?line=&state=} reports a line state; {@code ?line=&order=&seq=&serial=
 * &code=&grade=&outcome=} a read.
 */
@WebServlet("/line-activity")
public class LineActivityProbe extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Inject transient LineActivity activity;

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
    String line = req.getParameter("line");
    String state = req.getParameter("state");
    if (state != null) {
      activity.lineState(line, state, Instant.now());
    } else {
      activity.read(new LineActivity.Read(line, Long.parseLong(req.getParameter("order")),
          Integer.parseInt(req.getParameter("seq")), req.getParameter("serial"), req.getParameter("code"),
          req.getParameter("grade"), req.getParameter("outcome"), Instant.now()));
    }
    resp.setStatus(HttpServletResponse.SC_NO_CONTENT);
  }
}
