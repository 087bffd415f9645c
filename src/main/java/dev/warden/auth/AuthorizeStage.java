package dev.warden.auth;

import dev.warden.identity.ApiEndpoint;
import dev.warden.llm.ApiError;
import dev.warden.pipeline.Exchange;
import dev.warden.pipeline.Operation;
import dev.warden.pipeline.Principal;
import dev.warden.pipeline.Reply;
import dev.warden.pipeline.Slot;
import dev.warden.pipeline.Stage;

/**
 * Enforces what the principal may use: the endpoint kind, and the model it names (matched against every
 * allowlist of its chain, as named by the client: an alias or {@code deployment/model}). A model list shows only
 * what the caller may use, and describing a forbidden model answers 404, as if it did not exist. Deployment
 * restrictions are applied by routing, which knows where a model can go.
 */
public final class AuthorizeStage implements Stage {

    @Override
    public Slot slot() {
        return Slot.AUTHORIZE;
    }

    @Override
    public Reply apply(Exchange exchange, Chain next) {
        var principal = exchange.principal().orElseThrow(() -> new IllegalStateException("not authenticated"));
        var access = principal.access();
        var operation = exchange.requireOperation();
        var endpoint = endpointOf(operation);
        if (!access.allowsEndpoint(endpoint)) {
            return new Reply.Failure(new ApiError.PermissionDenied("This API key may not use the "
                    + endpoint.wire() + " endpoint."));
        }
        var model = operation.model();
        if (model.isPresent() && !access.allowsModel(model.get())) {
            return new Reply.Failure(new ApiError.PermissionDenied(denied(principal, model.get())));
        }
        if (operation instanceof Operation.GetModel(var id) && !access.allowsModel(id)) {
            return new Reply.Failure(new ApiError.NotFound(
                    "The model '" + id + "' does not exist or you do not have access to it.", "model_not_found"));
        }
        var reply = next.proceed(exchange);
        if (reply instanceof Reply.Models(var models) && access.restrictsModels()) {
            return new Reply.Models(models.stream().filter(info -> access.allowsModel(info.id())).toList());
        }
        return reply;
    }

    private static String denied(Principal principal, String model) {
        var who = principal.kind() == Principal.Kind.JWT ? "You are" : "This API key is";
        return who + " not allowed to use the model '" + model + "'.";
    }

    static ApiEndpoint endpointOf(Operation operation) {
        return switch (operation) {
            case Operation.Chat chat -> ApiEndpoint.CHAT;
            case Operation.Preload preload -> ApiEndpoint.CHAT;
            case Operation.Completion completion -> ApiEndpoint.COMPLETIONS;
            case Operation.Embeddings embeddings -> ApiEndpoint.EMBEDDINGS;
            case Operation.CountTokens count -> ApiEndpoint.COUNT_TOKENS;
            case Operation.ListModels list -> ApiEndpoint.MODELS;
            case Operation.GetModel get -> ApiEndpoint.MODELS;
        };
    }

}
