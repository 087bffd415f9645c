package dev.warden.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.warden.identity.DirectoryStore;
import dev.warden.identity.KeyStore;
import dev.warden.observe.UsageStore;
import dev.warden.budget.SpendStore;
import dev.warden.secret.KeyHasher;
import dev.warden.secret.KeyMinter;
import dev.warden.spend.Budgets;
import java.time.InstantSource;

/** What the resources share: the stores, key minting, the clock, ids and JSON, spend and the live budgets. */
record Backend(DirectoryStore directory, KeyStore keys, KeyHasher hasher, KeyMinter minter, InstantSource clock,
        Ids ids, ObjectMapper mapper, Views views, DeploymentAdmin deployments, UsageStore usage,
        PriceAdmin prices, SpendStore spend, Budgets budgets) {}
