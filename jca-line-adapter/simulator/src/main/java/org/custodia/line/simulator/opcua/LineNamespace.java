package org.custodia.line.simulator.opcua;

import static org.custodia.line.wire.LineAddressSpace.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.custodia.line.api.LabelData;
import org.custodia.line.api.LineMessage;
import org.custodia.line.api.Station;
import org.custodia.line.simulator.model.LineModel;
import org.custodia.line.wire.LineWire;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.core.ValueRanks;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaObjectNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.UInteger;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/**
 * The lines as OPC UA nodes (layout in {@link org.custodia.line.wire.LineAddressSpace}). Variables
 * report exception-based: every value set is handed to each monitored item of its node at once
 * (no sampling), so a fast run of messages is queued item by item, never merged, as long as the
 * client's queue is large enough.
 */
public final class LineNamespace extends ManagedNamespaceWithLifecycle {

  private final Map<String, LineModel> lines;
  private final Consumer<Integer> restart;
  private final Map<NodeId, UaVariableNode> variables = new ConcurrentHashMap<>();
  private final Map<NodeId, List<DataItem>> items = new ConcurrentHashMap<>();

  /**
   * @param lines the line models by line ID, in the order to show them
   * @param restart what the Simulator's Restart method does with its seconds of down time
   */
  public LineNamespace(OpcUaServer server, Map<String, LineModel> lines, Consumer<Integer> restart) {
    super(server, NAMESPACE_URI);
    this.lines = lines;
    this.restart = restart;
    getLifecycleManager().addStartupTask(this::build);
  }

  private void build() {
    UaFolderNode folder = new UaFolderNode(getNodeContext(), newNodeId(LINES_FOLDER),
        newQualifiedName(LINES_FOLDER), LocalizedText.english(LINES_FOLDER));
    getNodeManager().addNode(folder);
    folder.addReference(new Reference(folder.getNodeId(), NodeIds.Organizes,
        NodeIds.ObjectsFolder.expanded(), false));
    UaObjectNode simulator = object(SIMULATOR, SIMULATOR, null);
    simulator.addReference(new Reference(simulator.getNodeId(), NodeIds.Organizes,
        NodeIds.ObjectsFolder.expanded(), false));
    method(simulator, SIMULATOR + "/" + RESTART, RESTART,
        args(arg("downSeconds", NodeIds.Int32)), args(),
        in -> {
          restart.accept((Integer) in[0].value());
          return new Variant[0];
        });
    for (LineModel line : lines.values()) {
      buildLine(folder, line);
    }
  }

  private void buildLine(UaFolderNode folder, LineModel line) {
    String id = line.lineId();
    UaObjectNode object = object(line(id), id, null);
    folder.addOrganizes(object);
    variable(object, node(id, STATE), STATE, NodeIds.String, new Variant(line.state().name()));
    variable(object, node(id, SPEED), SPEED, NodeIds.Int32,
        new Variant(line.settings().unitsPerMinute()));
    variable(object, node(id, SEQUENCE), SEQUENCE, NodeIds.Int64,
        new Variant(line.lastSequence()));
    UaVariableNode events = variable(object, node(id, EVENTS), EVENTS, NodeIds.String,
        new Variant(new String[0]));
    events.setValueRank(ValueRanks.OneDimension);
    events.setArrayDimensions(new UInteger[] {UInteger.valueOf(0)});
    method(object, node(id, START), START, args(), args(), in -> {
      line.start();
      return new Variant[0];
    });
    method(object, node(id, STOP), STOP, args(), args(), in -> {
      line.stop();
      return new Variant[0];
    });
    method(object, node(id, END_RUN), END_RUN, args(), args(), in -> {
      line.endRun();
      return new Variant[0];
    });
    method(object, node(id, SET_SPEED), SET_SPEED, args(arg("unitsPerMinute", NodeIds.Int32)),
        args(), in -> {
          line.settings(line.settings().withSpeed((Integer) in[0].value()));
          publish(node(id, SPEED), new Variant(line.settings().unitsPerMinute()));
          return new Variant[0];
        });
    method(object, node(id, RESEND), RESEND, args(arg("fromSequence", NodeIds.Int64)),
        args(arg("firstSequence", NodeIds.Int64)),
        in -> new Variant[] {new Variant(line.resend((Long) in[0].value()))});

    UaObjectNode printer = object(node(id, PRINTER), PRINTER, object);
    method(printer, node(id, PRINTER, PRINT_LABEL), PRINT_LABEL, labelArgs(), args(), in -> {
      line.print(label(in));
      return new Variant[0];
    });
    object(node(id, CAMERA), CAMERA, object);
    UaObjectNode rejects = object(node(id, REJECT_STATION), REJECT_STATION, object);
    method(rejects, node(id, REJECT_STATION, REJECT), REJECT,
        args(arg("unitRef", NodeIds.String), arg("reasonCode", NodeIds.String)),
        args(arg("inReach", NodeIds.Boolean)),
        in -> new Variant[] {
            new Variant(line.reject((String) in[0].value(), (String) in[1].value()))});
    for (Station station : Station.values()) {
      String name = station == Station.CASE ? CASE_PACKER : PALLET_STATION;
      UaObjectNode st = object(node(id, name), name, object);
      method(st, node(id, name, PRINT_LABEL), PRINT_LABEL, labelArgs(), args(), in -> {
        line.printStationLabel(station, label(in));
        return new Variant[0];
      });
    }
    UaObjectNode sim = object(node(id, SIMULATION), SIMULATION, object);
    method(sim, node(id, SIMULATION, SET_DEFECT_RATES), SET_DEFECT_RATES,
        args(arg("unreadable", NodeIds.Double), arg("wrongCode", NodeIds.Double),
            arg("duplicate", NodeIds.Double), arg("lowGrade", NodeIds.Double)),
        args(), in -> {
          line.settings(line.settings().withDefects((Double) in[0].value(),
              (Double) in[1].value(), (Double) in[2].value(), (Double) in[3].value()));
          return new Variant[0];
        });
    method(sim, node(id, SIMULATION, SET_MISSED_CONFIRMATION_RATE),
        SET_MISSED_CONFIRMATION_RATE, args(arg("rate", NodeIds.Double)), args(), in -> {
          line.settings(line.settings().withMissedConfirmations((Double) in[0].value()));
          return new Variant[0];
        });
  }

  private static LabelData label(Variant[] in) {
    String[] lines = (String[]) in[2].value();
    return new LabelData((String) in[0].value(), (String) in[1].value(),
        lines == null ? List.of() : Arrays.asList(lines));
  }

  private static Argument[] labelArgs() {
    Argument hr = new Argument("humanReadable", NodeIds.String, ValueRanks.OneDimension,
        new UInteger[] {UInteger.valueOf(0)}, LocalizedText.english("human-readable lines"));
    return new Argument[] {arg("serial", NodeIds.String), arg("elementString", NodeIds.String), hr};
  }

  private static Argument arg(String name, NodeId type) {
    return new Argument(name, type, ValueRanks.Scalar, null, LocalizedText.english(name));
  }

  private static Argument[] args(Argument... a) {
    return a;
  }

  /** A line reports a message: it becomes the value of the line's Events variable. */
  public void publish(LineMessage message) {
    String id = message.lineId();
    publish(node(id, EVENTS), new Variant(LineWire.encode(message)));
    publish(node(id, SEQUENCE), new Variant(lines.get(id).lastSequence()));
    if (message instanceof org.custodia.line.api.LineStateChange s) {
      publish(node(id, STATE), new Variant(s.state().name()));
    }
  }

  private void publish(String nodeId, Variant value) {
    NodeId key = newNodeId(nodeId);
    UaVariableNode node = variables.get(key);
    if (node == null) {
      return; // not built yet: the value is read from the model when it is
    }
    DataValue dv = new DataValue(value);
    node.setValue(dv);
    for (DataItem item : items.getOrDefault(key, List.of())) {
      item.setValue(dv);
    }
  }

  private UaObjectNode object(String nodeId, String name, UaObjectNode parent) {
    UaObjectNode node = UaObjectNode.builder(getNodeContext())
        .setNodeId(newNodeId(nodeId))
        .setBrowseName(newQualifiedName(name))
        .setDisplayName(LocalizedText.english(name))
        .setTypeDefinition(NodeIds.BaseObjectType)
        .build();
    getNodeManager().addNode(node);
    if (parent != null) {
      parent.addComponent(node);
    }
    return node;
  }

  private UaVariableNode variable(UaObjectNode parent, String nodeId, String name, NodeId type,
      Variant initial) {
    UaVariableNode node = new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
        .setNodeId(newNodeId(nodeId))
        .setAccessLevel(AccessLevel.READ_ONLY)
        .setUserAccessLevel(AccessLevel.READ_ONLY)
        .setBrowseName(newQualifiedName(name))
        .setDisplayName(LocalizedText.english(name))
        .setDataType(type)
        .setTypeDefinition(NodeIds.BaseDataVariableType)
        .build();
    node.setValue(new DataValue(initial));
    getNodeManager().addNode(node);
    parent.addComponent(node);
    variables.put(node.getNodeId(), node);
    return node;
  }

  private void method(UaObjectNode parent, String nodeId, String name, Argument[] inputs,
      Argument[] outputs, Method.Body body) {
    UaMethodNode node = UaMethodNode.builder(getNodeContext())
        .setNodeId(newNodeId(nodeId))
        .setBrowseName(newQualifiedName(name))
        .setDisplayName(LocalizedText.english(name))
        .build();
    Method handler = new Method(node, inputs, outputs, body);
    node.setInputArguments(handler.getInputArguments());
    node.setOutputArguments(handler.getOutputArguments());
    node.setInvocationHandler(handler);
    getNodeManager().addNode(node);
    node.addReference(new Reference(node.getNodeId(), NodeIds.HasComponent,
        parent.getNodeId().expanded(), false));
  }

  @Override
  public void onDataItemsCreated(List<DataItem> dataItems) {
    for (DataItem item : dataItems) {
      NodeId nodeId = item.getReadValueId().getNodeId();
      UaNode node = getNodeManager().get(nodeId);
      if (node == null) {
        continue;
      }
      if (!AttributeId.Value.uid().equals(item.getReadValueId().getAttributeId())) {
        continue; // only values are reported
      }
      items.computeIfAbsent(nodeId, k -> new CopyOnWriteArrayList<>()).add(item);
      if (node instanceof UaVariableNode variable) {
        item.setValue(variable.getValue());
      }
    }
  }

  @Override
  public void onDataItemsModified(List<DataItem> dataItems) {}

  @Override
  public void onDataItemsDeleted(List<DataItem> dataItems) {
    for (DataItem item : dataItems) {
      List<DataItem> list = items.get(item.getReadValueId().getNodeId());
      if (list != null) {
        list.remove(item);
      }
    }
  }

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {}

  /** The monitored items of a node (for tests and diagnostics). */
  List<DataItem> itemsOf(String nodeId) {
    return new ArrayList<>(items.getOrDefault(newNodeId(nodeId), List.of()));
  }
}
