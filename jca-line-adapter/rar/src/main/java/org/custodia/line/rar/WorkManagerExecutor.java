package org.custodia.line.rar;

import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Milo's executor on the container's WorkManager, so that Milo's callbacks (responses, data
 * changes) run on container threads. When the WorkManager refuses (its queue full), the task runs
 * in the caller's thread, which slows Milo down rather than losing a callback. Shutting it down
 * only stops taking tasks: the WorkManager belongs to the container.
 */
final class WorkManagerExecutor extends AbstractExecutorService {

  private final WorkManager workManager;
  private volatile boolean shutdown;

  WorkManagerExecutor(WorkManager workManager) {
    this.workManager = workManager;
  }

  @Override
  public void execute(Runnable command) {
    try {
      workManager.scheduleWork(new Work() {
        @Override
        public void run() {
          command.run();
        }

        @Override
        public void release() {}
      });
    } catch (WorkException e) {
      command.run();
    }
  }

  @Override
  public void shutdown() {
    shutdown = true;
  }

  @Override
  public List<Runnable> shutdownNow() {
    shutdown = true;
    return List.of();
  }

  @Override
  public boolean isShutdown() {
    return shutdown;
  }

  @Override
  public boolean isTerminated() {
    return shutdown;
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return true;
  }
}
