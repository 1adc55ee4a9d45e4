package org.custodia.line.rar;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.Activation;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ConfigProperty;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.Arrays;
import java.util.List;
import org.custodia.line.api.LineEventListener;

/**
 * What an MDB listens to: {@code lineIds} (comma-separated, required), optionally another {@code
 * endpointUrl} than the adapter's, the monitored-item {@code queueSize} and the subscription's
 * {@code publishingIntervalMillis}.
 */
@Activation(messageListeners = LineEventListener.class)
public class LineActivationSpec implements ActivationSpec {

  @ConfigProperty(description = "comma-separated line IDs, e.g. line-1,line-2")
  private String lineIds;

  @ConfigProperty(description = "OPC UA endpoint URL; the adapter's when empty")
  private String endpointUrl;

  @ConfigProperty(defaultValue = "65535", description = "monitored item queue size per line")
  private Integer queueSize = 65535;

  @ConfigProperty(defaultValue = "5", description = "subscription publishing interval (ms)")
  private Integer publishingIntervalMillis = 5;

  private ResourceAdapter resourceAdapter;

  @Override
  public void validate() throws InvalidPropertyException {
    if (lines().isEmpty()) {
      throw new InvalidPropertyException("lineIds must name at least one line, got " + lineIds);
    }
    if (queueSize == null || queueSize < 1) {
      throw new InvalidPropertyException("queueSize must be at least 1, got " + queueSize);
    }
    if (publishingIntervalMillis == null || publishingIntervalMillis < 1) {
      throw new InvalidPropertyException(
          "publishingIntervalMillis must be at least 1, got " + publishingIntervalMillis);
    }
  }

  /** The line IDs. */
  public List<String> lines() {
    return lineIds == null ? List.of()
        : Arrays.stream(lineIds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public String getLineIds() {
    return lineIds;
  }

  public void setLineIds(String lineIds) {
    this.lineIds = lineIds;
  }

  public String getEndpointUrl() {
    return endpointUrl;
  }

  public void setEndpointUrl(String endpointUrl) {
    this.endpointUrl = endpointUrl;
  }

  public Integer getQueueSize() {
    return queueSize;
  }

  public void setQueueSize(Integer queueSize) {
    this.queueSize = queueSize;
  }

  public Integer getPublishingIntervalMillis() {
    return publishingIntervalMillis;
  }

  public void setPublishingIntervalMillis(Integer publishingIntervalMillis) {
    this.publishingIntervalMillis = publishingIntervalMillis;
  }

  @Override
  public ResourceAdapter getResourceAdapter() {
    return resourceAdapter;
  }

  @Override
  public void setResourceAdapter(ResourceAdapter ra) throws ResourceException {
    this.resourceAdapter = ra;
  }
}
