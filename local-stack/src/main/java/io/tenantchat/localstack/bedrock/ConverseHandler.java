package io.tenantchat.localstack.bedrock;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.tenantchat.localstack.bedrock.BedrockStandIn.Fault;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/** Answers one Converse or ConverseStream request: validation, injected faults, then the reply. */
final class ConverseHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(ConverseHandler.class);

    private final StandInState state;

    ConverseHandler(StandInState state) {
        this.state = state;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        long receivedNanos = System.nanoTime();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        Optional<Route> route = Route.match(request.method(), request.uri());
        if (route.isEmpty()) {
            HttpReplies.error(ctx, keepAlive, ErrorReply.unknownOperation(request.method().name(), request.uri()));
            return;
        }
        state.recordInvocation();
        converse(ctx, keepAlive, route.get(), request, receivedNanos);
    }

    private void converse(ChannelHandlerContext ctx, boolean keepAlive, Route route, FullHttpRequest request,
            long receivedNanos) {
        ConverseRequest converse;
        try {
            converse = ConverseRequest.parse(route.modelId(), request.content());
        } catch (IllegalArgumentException | JacksonException e) {
            HttpReplies.error(ctx, keepAlive, ErrorReply.validation(validationMessage(e)));
            return;
        }
        state.recordInvocation(converse.tenant(), converse.turns());
        state.recordReceived(converse.tenant(), converse.received());
        answer(ctx, keepAlive, route.streaming(), converse, receivedNanos);
    }

    private void answer(ChannelHandlerContext ctx, boolean keepAlive, boolean streaming, ConverseRequest request,
            long receivedNanos) {
        Fault fault = state.drawFault(streaming);
        Optional<ErrorReply> error = ErrorReply.beforeStream(fault.kind());
        StandInReply reply = StandInReply.to(request, state.promptCache().use(request.cachePrefixes()),
                state.guardrailBlockedWord());
        if (error.isPresent()) {
            HttpReplies.error(ctx, keepAlive, error.get());
        } else if (streaming) {
            int failAfter = fault.kind() == Fault.Kind.THROTTLING_IN_STREAM ? fault.afterDeltas() : -1;
            new ReplyStream(ctx, keepAlive, reply, state.settings(), failAfter, receivedNanos, state, request.tenant(),
                    request.ref()).start();
        } else {
            long latencyMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - receivedNanos);
            HttpReplies.json(ctx, keepAlive, BedrockWire.converseResponse(reply, latencyMs));
        }
    }

    private static String validationMessage(RuntimeException e) {
        return e instanceof JacksonException
                ? "Malformed input request, please reformat your input and try again. (bedrock stand-in)"
                : e.getMessage();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("Bedrock stand-in closes a connection after an error", cause);
        ctx.close();
    }
}
