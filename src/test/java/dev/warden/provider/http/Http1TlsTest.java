package dev.warden.provider.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a server whose self-signed certificate (for {@code localhost} only) is made by the running JDK's
 * keytool at test time and trusted by this test's context alone: a round trip with SNI and pooling, and a host
 * name the certificate does not name refused.
 */
class Http1TlsTest {
    private static final char[] PASSWORD = "test-only".toCharArray();

    @TempDir
    static Path dir;
    private static SSLContext serverContext;
    private static SSLContext clientContext;

    private final BlockingQueue<List<SNIServerName>> serverNames = new LinkedBlockingQueue<>();
    private ScriptedServer server;
    private Http1Client client;

    @BeforeAll
    static void makeCertificate() throws Exception {
        var keyStore = dir.resolve("server.p12");
        var keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        var process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "upstream", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        var keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            keys.load(in, PASSWORD);
        }
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(keyManagers.getKeyManagers(), null, null);

        var trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("upstream", keys.getCertificate("upstream"));
        var trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trusted);
        clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, trustManagers.getTrustManagers(), null);
    }

    @AfterAll
    static void forget() {
        serverContext = null;
        clientContext = null;
    }

    @BeforeEach
    void start() throws IOException {
        var socket = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server = new ScriptedServer(socket, (peer, index) -> {
            for (String request = peer.request(); request != null; request = peer.request()) {
                serverNames.add(((ExtendedSSLSession) peer.tlsSession()).getRequestedServerNames());
                if (Exchanges.path(request).equals("/endless")) {
                    peer.write("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc");
                    peer.awaitClientClose();
                    return;
                }
                peer.write("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nsecret");
            }
        });
        client = new Http1Client(clientContext.getSocketFactory(), 256, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    @Test
    void aRoundTripNamesTheHostAndReusesTheConnection() throws Exception {
        var uri = URI.create("https://localhost:" + server.port() + "/v1/chat");
        assertThat(Exchanges.fetch(client, Exchanges.get(uri))).isEqualTo("secret");
        assertThat(Exchanges.fetch(client, Exchanges.get(uri))).isEqualTo("secret");
        assertThat(server.accepted()).isEqualTo(1);
        assertThat(serverNames.poll(5, TimeUnit.SECONDS)).singleElement()
                .satisfies(name -> assertThat(new String(name.getEncoded())).isEqualTo("localhost"));
        assertThat(server.requests().getFirst()).contains("\r\nHost: localhost:" + server.port() + "\r\n");
    }

    @Test
    void closingABodyFromAnotherThreadCutsTheReadBlockedOnIt() throws Exception {
        var response = client.send(Exchanges.get(URI.create("https://localhost:" + server.port() + "/endless")));
        assertThat(response.body().readNBytes(3)).hasSize(3);
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            response.close(); // as the idle watchdog does
        });
        assertThatThrownBy(() -> response.body().read()).isInstanceOf(IOException.class);
        assertThat(server.closedByClient().poll(5, TimeUnit.SECONDS)).isEqualTo(1);
    }

    @Test
    void aCertificateThatDoesNotNameTheHostIsRefused() {
        var uri = URI.create("https://127.0.0.1:" + server.port() + "/v1/chat");
        assertThatThrownBy(() -> client.send(Exchanges.get(uri))).isInstanceOfSatisfying(HttpFailure.class, e -> {
            assertThat(e.kind()).isEqualTo(HttpFailure.Kind.UNREACHABLE);
            assertThat(e).hasRootCauseMessage("No subject alternative names matching IP address 127.0.0.1 found");
        });
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void theDefaultTrustStoreDoesNotTrustAnUnknownCertificate() throws IOException {
        try (var strict = Http1Client.create()) {
            var uri = URI.create("https://localhost:" + server.port() + "/v1/chat");
            assertThatThrownBy(() -> strict.send(Exchanges.get(uri))).isInstanceOfSatisfying(HttpFailure.class,
                    e -> assertThat(e.kind()).isEqualTo(HttpFailure.Kind.UNREACHABLE));
        }
        assertThat(server.requests()).isEmpty();
    }
}
