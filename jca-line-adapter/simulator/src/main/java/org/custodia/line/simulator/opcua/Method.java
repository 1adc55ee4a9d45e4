package org.custodia.line.simulator.opcua;

import java.util.function.Function;
import org.eclipse.milo.opcua.sdk.server.methods.AbstractMethodInvocationHandler;
import org.eclipse.milo.opcua.sdk.server.nodes.UaMethodNode;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.Argument;

/** A method whose body is a function of its input values; bad input answers Bad_InvalidArgument. */
final class Method extends AbstractMethodInvocationHandler {

  /** The body of a method. */
  @FunctionalInterface
  interface Body extends Function<Variant[], Variant[]> {}

  private final Argument[] inputs;
  private final Argument[] outputs;
  private final Body body;

  Method(UaMethodNode node, Argument[] inputs, Argument[] outputs, Body body) {
    super(node);
    this.inputs = inputs;
    this.outputs = outputs;
    this.body = body;
  }

  @Override
  public Argument[] getInputArguments() {
    return inputs;
  }

  @Override
  public Argument[] getOutputArguments() {
    return outputs;
  }

  @Override
  protected Variant[] invoke(InvocationContext context, Variant[] inputValues) throws UaException {
    try {
      return body.apply(inputValues);
    } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
      throw new UaException(StatusCodes.Bad_InvalidArgument, e.getMessage());
    }
  }
}
