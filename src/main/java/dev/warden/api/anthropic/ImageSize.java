package dev.warden.api.anthropic;

import java.util.Base64;
import java.util.Optional;

/**
 * Reads an image's pixel size from the header of its base64 bytes (PNG, GIF, WebP, JPEG), decoding only the first
 * {@value #HEADER_CHARS} base64 characters. Pure; a size that is not found there is simply unknown.
 */
record ImageSize(int width, int height) {

    /** 48 KiB of image bytes: enough for every header, and for a JPEG frame header behind typical EXIF data. */
    static final int HEADER_CHARS = 64 * 1024;

    static Optional<ImageSize> ofBase64(String data) {
        byte[] b;
        try {
            int length = Math.min(data.length(), HEADER_CHARS) & ~3;
            b = Base64.getMimeDecoder().decode(data.substring(0, length));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (b.length >= 24 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return sized(be32(b, 16), be32(b, 20));
        }
        if (b.length >= 10 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F') {
            return sized(le16(b, 6), le16(b, 8));
        }
        if (b.length >= 30 && b[0] == 'R' && b[1] == 'I' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B') {
            return webp(b);
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8) {
            return jpeg(b);
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> webp(byte[] b) {
        return switch ((char) b[15]) {
            case ' ' -> sized(le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff);
            case 'L' -> {
                int b1 = b[22] & 0xff;
                int b2 = b[23] & 0xff;
                int b3 = b[24] & 0xff;
                yield sized(1 + ((b[21] & 0xff) | (b1 & 0x3f) << 8), 1 + (b1 >> 6 | b2 << 2 | (b3 & 0x0f) << 10));
            }
            case 'X' -> sized(1 + le24(b, 24), 1 + le24(b, 27));
            default -> Optional.empty();
        };
    }

    /** Walks the marker segments up to the first start-of-frame, which holds the size. */
    private static Optional<ImageSize> jpeg(byte[] b) {
        int at = 2;
        while (at + 9 < b.length) {
            if ((b[at] & 0xff) != 0xFF) {
                return Optional.empty();
            }
            int marker = b[at + 1] & 0xff;
            if (marker == 0xFF) {
                at++;
                continue;
            }
            boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8
                    && marker != 0xCC;
            if (startOfFrame) {
                return sized(be16(b, at + 7), be16(b, at + 5));
            }
            at += 2 + be16(b, at + 2);
        }
        return Optional.empty();
    }

    private static Optional<ImageSize> sized(int width, int height) {
        return width > 0 && height > 0 ? Optional.of(new ImageSize(width, height)) : Optional.empty();
    }

    private static int be16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    private static int be32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    private static int le16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int le24(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16;
    }
}
