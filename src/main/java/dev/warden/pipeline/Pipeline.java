package dev.warden.pipeline;

import dev.warden.llm.ApiError;
import dev.warden.llm.ApiException;
import dev.warden.llm.ClientGoneException;
import dev.warden.llm.StreamOutcome;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the stages in {@link Slot} order. Built once by Wiring; immutable and shared by all requests.
 */
public final class Pipeline {
    private static final Logger LOG = Logger.getLogger(Pipeline.class.getName());

    private final Stage[] stages;

    private Pipeline(Stage[] stages) {
        this.stages = stages;
    }

    /** @throws IllegalArgumentException when two stages claim the same slot */
    public static Pipeline of(List<Stage> stages) {
        var seen = EnumSet.noneOf(Slot.class);
        for (var stage : stages) {
            if (!seen.add(stage.slot())) {
                throw new IllegalArgumentException("two stages in slot " + stage.slot());
            }
        }
        var ordered = new ArrayList<>(stages);
        ordered.sort(Comparator.comparing(Stage::slot));
        return new Pipeline(ordered.toArray(Stage[]::new));
    }

    public List<Slot> slots() {
        return java.util.Arrays.stream(stages).map(Stage::slot).toList();
    }

    /** Runs the exchange through every stage and returns the reply; never throws. */
    public Reply handle(Exchange exchange) {
        return step(0, exchange);
    }

    private Reply step(int index, Exchange exchange) {
        if (index == stages.length) {
            return new Reply.Failure(new ApiError.Internal("No stage answered the request."));
        }
        try {
            return stages[index].apply(exchange, next -> step(index + 1, next));
        } catch (ApiException e) {
            return new Reply.Failure(e.error());
        } catch (ClientGoneException e) {
            return new Reply.Streamed(new StreamOutcome.ClientGone(null));
        } catch (RuntimeException e) {
            // The one place an unexpected fault becomes a response: logged once, with the request id the client sees.
            LOG.log(Level.SEVERE, "request " + exchange.requestId() + " failed in " + stages[index].slot(), e);
            return new Reply.Failure(new ApiError.Internal(
                    "The gateway failed to process the request (request id " + exchange.requestId() + ")."));
        }
    }
}
