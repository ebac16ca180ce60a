package kit.grader.lesson2;

import java.io.IOException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

import kit.core.Network;
import kit.grader.check.Seeds;
import kit.grader.figures.FigureFolder;
import kit.grader.figures.LessonFigures;
import kit.grader.figures.LinePlot;
import kit.grader.figures.Panels;
import kit.lesson2.Heteroscedastic;
import kit.lesson2.PoissonCounts;
import kit.lesson2.Sample;

/**
 * Lesson 2's figures: the two experiments' fits on the first seed of their budgets, as
 * {@link PoissonCountsTest} and {@link HeteroscedasticTest} trained them (kept from the graded run,
 * or trained now if those tests did not run), read on the tests' grid of 400 points.
 * <ul>
 *   <li>{@code lesson2-counts.png}: the true rate, both heads' rates and the counts, whole and on the floor;</li>
 *   <li>{@code lesson2-noise.png}: the Gaussian head's mean and 2-sigma band against the truth, and
 *       its sigma against the truth and against squared error's one global sigma.</li>
 * </ul>
 */
@Tag("lesson2")
@DisplayName("Lesson 2's figures")
class Lesson2FiguresTest extends LessonFigures {
    static final int GRID = 400;

    @Override
    protected void draw(FigureFolder folder) throws IOException {
        long seed = Seeds.seed(0);
        PoissonCountsTest.Fits counts = PoissonCountsTest.fits(seed);
        HeteroscedasticTest.Fits noise = HeteroscedasticTest.fits(seed);
        folder.write("counts", counts(counts));
        folder.write("noise", noise(noise));
    }

    static Panels counts(PoissonCountsTest.Fits fits) {
        double[] x = Regression.grid(PoissonCounts.LOW, PoissonCounts.HIGH, GRID);
        double[] truth = new double[GRID];
        double[] mse = new double[GRID];
        double[] poisson = new double[GRID];
        double floorFrom = Double.NaN;
        double floorTo = Double.NaN;
        for (int i = 0; i < GRID; i++) {
            truth[i] = PoissonCounts.rate(x[i]);
            mse[i] = fits.mse().predict(fits.data().input(x[i]))[0];
            poisson[i] = fits.poisson().predict(fits.data().input(x[i]))[0];
            if (truth[i] == PoissonCountsTest.FLOOR_RATE) {
                floorFrom = Double.isNaN(floorFrom) ? x[i] : floorFrom;
                floorTo = x[i];
            }
        }
        LinePlot whole = new LinePlot("the whole range", "x", "count, or predicted rate");
        LinePlot floor = new LinePlot("enlarged: where the true rate is 0.1", "x", "count, or predicted rate")
                .xRange(0.95, 2.0).yRange(-0.5, 1.5).shade(floorFrom, floorTo, "the floor");
        for (LinePlot plot : new LinePlot[] {whole, floor}) {
            plot.points("counts", xs(fits.data()), ys(fits.data()))
                    .truth("true rate", x, truth)
                    .line("squared error: rate z", x, mse)
                    .line("Poisson: rate e^z", x, poisson)
                    .horizontal(0, "rate 0");
        }
        return Panels.row("Counts: the squared-error head goes below zero, the Poisson head cannot", whole, floor)
                .size(1200, 520);
    }

    static Panels noise(HeteroscedasticTest.Fits fits) {
        double[] x = Regression.grid(Heteroscedastic.LOW, Heteroscedastic.HIGH, GRID);
        double[] mean = new double[GRID];
        double[] sigma = new double[GRID];
        double[] low = new double[GRID];
        double[] high = new double[GRID];
        double[] trueMean = new double[GRID];
        double[] trueSigma = new double[GRID];
        double[] trueLow = new double[GRID];
        double[] trueHigh = new double[GRID];
        double[] global = new double[GRID];
        double globalSigma = fits.globalSigma();
        Network<double[]> gaussian = fits.gaussian();
        for (int i = 0; i < GRID; i++) {
            double[] meanAndSigma = gaussian.predict(fits.data().input(x[i]));
            mean[i] = meanAndSigma[0];
            sigma[i] = meanAndSigma[1];
            low[i] = mean[i] - 2 * sigma[i];
            high[i] = mean[i] + 2 * sigma[i];
            trueMean[i] = Heteroscedastic.mean(x[i]);
            trueSigma[i] = Heteroscedastic.sigma(x[i]);
            trueLow[i] = trueMean[i] - 2 * trueSigma[i];
            trueHigh[i] = trueMean[i] + 2 * trueSigma[i];
            global[i] = globalSigma;
        }
        LinePlot band = new LinePlot("the mean and a band of 2 sigma either side", "x", "y")
                .points("data", xs(fits.data()), ys(fits.data()))
                .band("Gaussian head", x, mean, low, high)
                .truthBand("true band", x, trueLow, trueHigh);
        LinePlot scale = new LinePlot("the noise level sigma", "x", "sigma")
                .line("Gaussian head", x, sigma)
                .line("squared error: one sigma", x, global)
                .truth("true sigma", x, trueSigma);
        return Panels.row("Noise that changes size: a sigma per input against one global sigma", band, scale)
                .size(1200, 520);
    }

    static double[] xs(Sample data) {
        double[] x = new double[data.size()];
        for (int n = 0; n < x.length; n++) {
            x[n] = data.x(n);
        }
        return x;
    }

    static double[] ys(Sample data) {
        double[] y = new double[data.size()];
        for (int n = 0; n < y.length; n++) {
            y[n] = data.y(n);
        }
        return y;
    }
}
