package dev.warden.provider.bedrock;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * AWS Signature Version 4 for header-signed requests (AWS4-HMAC-SHA256). Pure: the time is given, nothing is
 * read from the environment. Signs {@code host}, {@code x-amz-date} and, for temporary credentials,
 * {@code x-amz-security-token}: the smallest set AWS requires, so nothing a proxy may rewrite (content type,
 * user agent) can break the signature. With {@code contentSha256} the payload hash is also sent and signed as
 * {@code x-amz-content-sha256}, as the AWS SDK v2 signer does for every service (only S3 requires it; Bedrock
 * accepts both, and sending it keeps our requests byte-identical to the SDK's).
 *
 * <p>The canonical URI encodes each already-encoded path segment a second time (the rule for every service but
 * S3): the model id {@code anthropic.claude-v2:1} travels as {@code anthropic.claude-v2%3A1} and is signed as
 * {@code anthropic.claude-v2%253A1}.
 */
record SigV4Signer(AwsCredentials credentials, String region, String service, boolean contentSha256) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String SERVICE = "bedrock";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();

    /** Bedrock's signer: service {@code bedrock}, payload hash header sent. */
    static SigV4Signer bedrock(AwsCredentials credentials, String region) {
        return new SigV4Signer(credentials, region, SERVICE, true);
    }

    /** The headers to add: {@code x-amz-date}, the payload hash and token if any, {@code Authorization}. */
    Map<String, String> sign(String method, URI uri, byte[] body, Instant now) {
        var amzDate = AMZ_DATE.format(now);
        var payloadHash = hex(sha256(body));
        var signed = new TreeMap<String, String>();
        signed.put("host", hostHeader(uri));
        signed.put("x-amz-date", amzDate);
        if (contentSha256) {
            signed.put("x-amz-content-sha256", payloadHash);
        }
        if (credentials.sessionToken() != null) {
            signed.put("x-amz-security-token", credentials.sessionToken());
        }
        var signedHeaders = String.join(";", signed.keySet());
        var canonical = canonicalRequest(method, uri, signed, payloadHash);
        var scope = amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
        var stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        var signature = hex(hmac(signingKey(amzDate.substring(0, 8)), stringToSign));
        var out = new LinkedHashMap<String, String>();
        out.put("x-amz-date", amzDate);
        if (contentSha256) {
            out.put("x-amz-content-sha256", payloadHash);
        }
        if (credentials.sessionToken() != null) {
            out.put("x-amz-security-token", credentials.sessionToken());
        }
        out.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return out;
    }

    static String canonicalRequest(String method, URI uri, TreeMap<String, String> headers, String payloadHash) {
        var out = new StringBuilder(256);
        out.append(method).append('\n');
        out.append(canonicalUri(uri.getRawPath())).append('\n');
        out.append(canonicalQuery(uri.getRawQuery())).append('\n');
        headers.forEach((name, value) -> out.append(name).append(':').append(value.strip()
                .replaceAll(" +", " ")).append('\n'));
        out.append('\n').append(String.join(";", headers.keySet())).append('\n');
        out.append(payloadHash);
        return out.toString();
    }

    /** The value the JDK HTTP client sends as {@code Host}: the port only when it is not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port < 0 || port == ("https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** Each segment of the raw (already encoded) path is encoded once more. */
    static String canonicalUri(@Nullable String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        var out = new StringBuilder(rawPath.length() + 16);
        int start = 0;
        while (start <= rawPath.length()) {
            int slash = rawPath.indexOf('/', start);
            int end = slash < 0 ? rawPath.length() : slash;
            out.append(encode(rawPath.substring(start, end)));
            if (slash < 0) {
                break;
            }
            out.append('/');
            start = slash + 1;
        }
        return out.toString();
    }

    /** Parameters sorted by encoded name, then value; each name and value URI-encoded exactly once. */
    static String canonicalQuery(@Nullable String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        var pairs = new ArrayList<String[]>();
        for (var pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            var name = eq < 0 ? pair : pair.substring(0, eq);
            var value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        var out = new ArrayList<String>(pairs.size());
        for (var pair : pairs) {
            out.add(pair[0] + "=" + pair[1]);
        }
        return String.join("&", out);
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters, upper-case hex, UTF-8. */
    static String encode(String value) {
        var bytes = value.getBytes(StandardCharsets.UTF_8);
        var out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private byte[] signingKey(String date) {
        var kDate = hmac(("AWS4" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8), date);
        var kRegion = hmac(kDate, region);
        var kService = hmac(kRegion, service);
        return hmac(kService, "aws4_request");
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Never shows the credentials. */
    @Override
    public String toString() {
        return "SigV4Signer[" + credentials.accessKeyId() + ", " + region + ", " + service + "]";
    }
}
