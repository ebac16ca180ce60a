package kit.grader.figures;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * Figures as PNG files, drawn off screen ({@code java.awt.headless=true}: no display needed).
 * The same figure on the same machine gives the same bytes: nothing random, no timestamp.
 */
public final class Png {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static volatile Optional<String> cannotDraw;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Png() {
    }

    /** Draws {@code figure} at its size and writes it to {@code file}, replacing any file there. */
    public static void write(Figure figure, Path file) throws IOException {
        BufferedImage image = new BufferedImage(figure.width(), figure.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setPaint(Color.WHITE);
            g.fillRect(0, 0, figure.width(), figure.height());
            figure.draw(g, new Rectangle2D.Double(0, 0, figure.width(), figure.height()));
        } finally {
            g.dispose();
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        if (!ImageIO.write(image, "png", partial.toFile())) {
            throw new IOException("this Java has no PNG writer");
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The width and height a PNG file declares; IllegalArgumentException if it is not a PNG. */
    public static Dimension size(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = new byte[8];
            data.readFully(signature);
            int headerLength = data.readInt();
            byte[] type = new byte[4];
            data.readFully(type);
            if (!Arrays.equals(signature, SIGNATURE) || headerLength != 13 || !new String(type).equals("IHDR")) {
                throw new IllegalArgumentException(file + " is not a PNG file");
            }
            return new Dimension(data.readInt(), data.readInt());
        }
    }

    /** Why figures cannot be drawn here (no fonts, no font library), or empty if they can. */
    public static Optional<String> cannotDraw() {
        Optional<String> known = cannotDraw;
        if (known == null) {
            known = probe();
            cannotDraw = known;
        }
        return known;
    }

    private static Optional<String> probe() {
        try {
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString("0.5 x", 1, 12);
            int width = g.getFontMetrics().stringWidth("accuracy");
            g.dispose();
            return width > 0 ? Optional.empty() : Optional.of("this machine's fonts measure text as 0 pixels wide");
        } catch (Throwable t) {   // no fonts, or no native font library: an Error, not an exception
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return Optional.of("this machine cannot draw text (" + root.getClass().getName()
                    + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")");
        }
    }
}
