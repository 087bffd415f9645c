package dev.warden.admin;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.budget.LedgerUnavailableException;
import dev.warden.budget.SpendStore;
import dev.warden.identity.DirectoryStore;
import dev.warden.identity.KeyStore;
import dev.warden.llm.ApiError;
import dev.warden.observe.UsageStore;
import dev.warden.pipeline.Principal;
import dev.warden.secret.KeyHasher;
import dev.warden.secret.KeyMinter;
import dev.warden.spend.Budgets;
import dev.warden.store.StoreException;
import java.lang.System.Logger.Level;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * The admin API, transport-free: {@link #open} serves what needs no credential (the OpenAPI document and the API
 * page), {@link #handle} everything else for an authenticated caller. Every call is routed, checked against the
 * permission table, handled, and any failure rendered in OpenAI's error shape. After each successful write
 * {@code afterWrite} runs, so this instance applies the change at once (others see it within their refresh
 * interval).
 */
public final class AdminApi {
    private static final System.Logger LOG = System.getLogger("warden.admin");

    private final Router router;
    private final Backend backend;
    private final Runnable afterWrite;
    private final PublicFiles files = new PublicFiles();

    private AdminApi(Router router, Backend backend, Runnable afterWrite) {
        this.router = router;
        this.backend = backend;
        this.afterWrite = afterWrite;
    }

    /**
     * @param random where ids come from
     * @param afterWrite runs after every successful write (Wiring passes the key ring's and deployments' refresh)
     * @param deployments the stored deployments and what the configuration file reserves
     */
    /**
     * What the admin API reads and writes.
     *
     * @param deployments the stored deployments and what the configuration file reserves
     * @param usage the usage counters key usage summaries are read from
     * @param prices the price overrides and the explanation of effective prices
     * @param spend the spend ledger reports are read from
     * @param budgets the live budget ledger and its window rules, for budget status and resets
     */
    public record Stores(DirectoryStore directory, KeyStore keys, DeploymentAdmin deployments, UsageStore usage,
            PriceAdmin prices, SpendStore spend, Budgets budgets) {}

    /**
     * @param random where ids come from
     * @param afterWrite runs after every successful write (Wiring passes the key ring's and deployments' refresh)
     */
    public static AdminApi create(Stores stores, KeyHasher hasher, KeyMinter minter, InstantSource clock,
            RandomGenerator random, Runnable afterWrite) {
        var mapper = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        // The database keeps milliseconds: so do the answers, so a read gives back what a write answered.
        InstantSource millis = () -> clock.instant().truncatedTo(ChronoUnit.MILLIS);
        var backend = new Backend(stores.directory(), stores.keys(), hasher, minter, millis, new Ids(random), mapper,
                new Views(mapper), stores.deployments(), stores.usage(), stores.prices(), stores.spend(),
                stores.budgets());
        var resources = List.<Resource>of(new MeResource(), new OrgsResource(), new TeamsResource(),
                new UsersResource(), new ImportResource(), new TiersResource(), new KeysResource(), new KeyActions(),
                new DeploymentsResource(), new PricesResource(), new SpendResource(), new BudgetsResource());
        var routes = resources.stream().flatMap(resource -> resource.routes().stream()).toList();
        return new AdminApi(new Router(routes), backend, afterWrite);
    }

    /** The document or page at the request's path, which anyone may fetch, if it names one. */
    public Optional<AdminResponse> open(AdminRequest request) {
        return files.find(request);
    }

    public AdminResponse handle(Principal principal, AdminRequest request) {
        try {
            return switch (router.find(request.method(), request.path())) {
                case Router.Match(var route, var params) -> run(principal, request, route, params);
                case Router.Miss(var allowed) when allowed.isEmpty() -> render(new AdminError(
                        AdminError.Kind.NOT_FOUND, "Unknown admin URL: " + request.method() + " " + request.path()
                                + ".", null));
                case Router.Miss(var allowed) -> render(new AdminError(AdminError.Kind.METHOD_NOT_ALLOWED, "Method "
                        + request.method() + " is not allowed on " + request.path() + ". Use " + String.join(", ",
                                allowed) + ".", null)).withHeader("Allow", String.join(", ", allowed));
            };
        } catch (AdminException failed) {
            return render(failed.error());
        } catch (NoSuchElementException gone) {
            // Deleted between the check and the write.
            return render(new AdminError(AdminError.Kind.NOT_FOUND, Checks.capitalized(
                    String.valueOf(gone.getMessage())) + ".", null));
        } catch (StoreException unavailable) {
            LOG.log(Level.WARNING, "admin call failed: the database is unavailable: " + unavailable.getMessage());
            return render(new AdminError(AdminError.Kind.UNAVAILABLE,
                    "The database is unavailable; retry shortly.", null));
        } catch (LedgerUnavailableException unavailable) {
            LOG.log(Level.WARNING, "admin call failed: the budget ledger is unavailable: " + unavailable.getMessage());
            return render(new AdminError(AdminError.Kind.UNAVAILABLE,
                    "The budget ledger is unavailable; retry shortly.", null));
        } catch (RuntimeException bug) {
            LOG.log(Level.ERROR, "admin call " + request.method() + " " + request.path() + " failed", bug);
            return render(new AdminError(AdminError.Kind.INTERNAL, "Internal error in the admin API.", null));
        }
    }

    private AdminResponse run(Principal principal, AdminRequest request, Route route, Map<String, String> params) {
        // Roles first: a caller that may never do this learns so without a database read.
        Permissions.requireRole(new Caller(principal, null), route.operation());
        var directory = backend.directory().snapshot();
        var user = principal.owner().user() == null ? null : directory.users().get(principal.owner().user());
        var response = route.handler().handle(new Call(new Caller(principal, user), request, params, directory,
                backend));
        if (!request.method().equals("GET") && response.status() < 300) {
            try {
                afterWrite.run();
            } catch (RuntimeException e) {
                // The write is committed; the periodic refresh will pick it up.
                LOG.log(Level.WARNING, "could not apply an admin change at once: " + e.getMessage());
            }
        }
        return response;
    }

    /** An error raised before the call reached the API (authentication, body size), in the API's error shape. */
    public AdminResponse reject(ApiError error) {
        var kind = switch (error) {
            case ApiError.Unauthenticated e -> AdminError.Kind.UNAUTHENTICATED;
            case ApiError.PayloadTooLarge e -> AdminError.Kind.TOO_LARGE;
            case ApiError.UnsupportedMediaType e -> AdminError.Kind.UNSUPPORTED_MEDIA_TYPE;
            case ApiError.PermissionDenied e -> AdminError.Kind.FORBIDDEN;
            case ApiError.Unavailable e -> AdminError.Kind.UNAVAILABLE;
            default -> error.status() < 500 ? AdminError.Kind.INVALID : AdminError.Kind.INTERNAL;
        };
        return render(new AdminError(kind, error.message(), null));
    }

    private AdminResponse render(AdminError error) {
        var views = backend.views();
        var body = views.object();
        var inner = body.putObject("error").put("message", error.message()).put("type", error.kind().type);
        inner.put("param", error.param());
        inner.put("code", error.kind().code);
        return AdminResponse.json(error.kind().status, views.bytes(body));
    }

    /** Every route, as {@code METHOD /admin/v1/path}: for the OpenAPI document's test. */
    List<String> routeNames() {
        return Stream.concat(router.routes().stream().map(r -> r.method() + " " + Router.BASE + r.template()),
                Stream.of("GET " + PublicFiles.OPENAPI_PATH)).toList();
    }
}
