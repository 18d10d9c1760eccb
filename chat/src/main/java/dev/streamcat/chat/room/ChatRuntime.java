package dev.streamcat.chat.room;

import dev.streamcat.chat.limit.FloodGuard;
import dev.streamcat.chat.limit.Ticker;
import dev.streamcat.chat.protocol.ActionLimits;
import dev.streamcat.chat.protocol.ActionParser;
import dev.streamcat.chat.protocol.FrameEncoder;
import dev.streamcat.chat.protocol.IdGenerator;
import java.time.InstantSource;
import java.util.Objects;

/**
 * What every room shares: the bus, codecs, id generator, clocks (wall time for {@code SendTime} and logs, a monotonic
 * ticker for rate limits), the per-connection flood policy and how broadcast frames reach connections (the fan-out).
 *
 * <p>Immutable; thread-safe (all parts are).
 */
public record ChatRuntime(
        ChatBus bus,
        ActionParser parser,
        FrameEncoder encoder,
        IdGenerator ids,
        InstantSource clock,
        Ticker ticker,
        FloodGuard.FloodPolicy floodPolicy,
        Fanout.Factory fanouts) {

    public ChatRuntime {
        Objects.requireNonNull(fanouts, "fanouts");
        Objects.requireNonNull(bus, "bus");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(encoder, "encoder");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(floodPolicy, "floodPolicy");
    }

    /** A runtime with the {@link Fanout#direct() direct} fan-out. */
    public ChatRuntime(
            ChatBus bus,
            ActionParser parser,
            FrameEncoder encoder,
            IdGenerator ids,
            InstantSource clock,
            Ticker ticker,
            FloodGuard.FloodPolicy floodPolicy) {
        this(bus, parser, encoder, ids, clock, ticker, floodPolicy, Fanout.direct());
    }

    /** Production defaults on {@code bus}: system clocks, secure ids, default parser and flood limits. */
    public static ChatRuntime defaults(ChatBus bus) {
        return new ChatRuntime(
                bus,
                new ActionParser(ActionLimits.defaults()),
                new FrameEncoder(),
                IdGenerator.secure(),
                InstantSource.system(),
                Ticker.system(),
                FloodGuard.FloodPolicy.defaults());
    }
}
