using System.Globalization;
using DirectiveFlow.Infrastructure.Reports.Overview;

namespace DirectiveFlow.Web.Components.Overview;

/// <summary>
/// Where the trend chart's shapes go, in the SVG's own units (<see cref="Width"/> × <see cref="Height"/>, scaled by the
/// browser to the page's width): per week a bar of tasks assigned and a bar of tasks completed (on time below, late on top), a line of the
/// tasks overdue at the week's end, and a y axis of four even steps up to a round maximum.
/// </summary>
public sealed class TrendChartLayout
{
    private const int Steps = 4;

    /// <summary>The shapes for <paramref name="weeks"/> in a <paramref name="width"/> × <paramref name="height"/> drawing.</summary>
    public TrendChartLayout(IReadOnlyList<TrendWeek> weeks, double width, double height)
    {
        Weeks = weeks;
        Width = width;
        Height = height;
        var largest = weeks.Select(w => Math.Max(Math.Max(w.Opened, w.CompletedOnTime + w.CompletedLate), w.OverdueAtEnd)).DefaultIfEmpty(0).Max();
        Step = NiceStep(Math.Max(largest, Steps) / (double)Steps);
        Max = Step * Steps;
    }

    /// <summary>Room for the y axis's numbers at the left and the weeks' dates below.</summary>
    public static double Left => 44;

    public static double Right => 8;

    public static double Top => 12;

    public static double Bottom => 30;

    public double Width { get; }

    public double Height { get; }

    public IReadOnlyList<TrendWeek> Weeks { get; }

    /// <summary>The value of the top gridline.</summary>
    public int Max { get; }

    /// <summary>The value between two gridlines.</summary>
    public int Step { get; }

    public double PlotBottom => Height - Bottom;

    private double PlotWidth => Width - Left - Right;

    private double PlotHeight => Height - Top - Bottom;

    private double GroupWidth => PlotWidth / Math.Max(1, Weeks.Count);

    private double BarWidth => GroupWidth * 0.34;

    /// <summary>The gridlines: value and height.</summary>
    public IEnumerable<(int Value, double Y)> Ticks => Enumerable.Range(0, Steps + 1).Select(i => (i * Step, Y(i * Step)));

    /// <summary>The y of a value.</summary>
    public double Y(int value) => PlotBottom - (value * PlotHeight / Max);

    /// <summary>The height a value takes.</summary>
    public double H(int value) => value * PlotHeight / Max;

    /// <summary>The centre of week <paramref name="i"/>.</summary>
    public double Centre(int i) => Left + (GroupWidth * (i + 0.5));

    public double OpenedX(int i) => Centre(i) - BarWidth - (GroupWidth * 0.03);

    public double CompletedX(int i) => Centre(i) + (GroupWidth * 0.03);

    public double Bar => BarWidth;

    /// <summary>The overdue line's points ("x,y x,y …").</summary>
    public string OverduePoints => string.Join(" ", Weeks.Select((w, i) => $"{N(Centre(i))},{N(Y(w.OverdueAtEnd))}"));

    /// <summary>A number as SVG wants it: invariant, two decimals at most.</summary>
    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The smallest of 1, 2, 5, 10, 20, 50, … that is at least <paramref name="raw"/>.</summary>
    public static int NiceStep(double raw)
    {
        for (var magnitude = 1; ; magnitude *= 10)
        {
            foreach (var factor in new[] { 1, 2, 5 })
            {
                if (factor * magnitude >= raw)
                {
                    return factor * magnitude;
                }
            }
        }
    }
}
