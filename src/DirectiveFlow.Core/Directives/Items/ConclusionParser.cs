using System.Text;
using System.Text.RegularExpressions;

namespace DirectiveFlow.Core.Directives.Items;

/// <summary>
/// Proposes the items of a pasted Vietnamese conclusion or notice (issue 17 §3): splits its numbered list (1., 2.,
/// a), b), -, nested 1.1), and for every item finds its lead unit ("Giao X chủ trì", "X chủ trì"), its supporting units
/// ("phối hợp Y, Z và W") and its deadline, matching names against the organisation (<see cref="UnitNames"/>). Rules
/// only, deterministic: the same text and organisation give the same proposal. Items are the list's leaves; a heading
/// with sub-items gives them its lead, supporting units and deadline when they name none of their own.
/// </summary>
public sealed partial class ConclusionParser(IEnumerable<ParseUnit> units)
{
    private const double AmbiguousAtMost = 0.4;
    private const double Inferred = 0.9;
    private const double WithoutDiacritics = 0.9;
    private const int MaxUnknownNameWords = 8;

    private static readonly string[] UnitWords =
    [
        "so ", "ubnd", "uy ban", "hdnd", "hoi dong", "dang uy", "thanh uy", "ban ", "hoi ", "cong an", "bo chi huy", "lien doan",
        "thanh doan", "mttq", "van phong", "phuong ", "xa ", "trung tam", "thanh tra", "kho bac", "cuc ", "chi cuc", "quan ", "huyen ",
    ];

    private static readonly string[] LocalityWords = ["phuong", "xa", "dac khu", "quan", "huyen", "thi xa", "tinh"];

    private readonly UnitNames names = new(units);

    public IReadOnlyList<ProposedItem> Parse(string text)
    {
        var raw = SplitItems(text);
        var items = new List<ProposedItem>();
        var parsed = new Dictionary<RawItem, Parsed>();
        for (var i = 0; i < raw.Count; i++)
        {
            var item = raw[i];
            var own = ParseOwn(item.Content);
            parsed[item] = item.Parent is { } parent ? own.Inherit(parsed[parent]) : own;
            var isLeaf = i + 1 == raw.Count || raw[i + 1].Parent != item;
            if (isLeaf)
            {
                items.Add(parsed[item].ToItem(item.Number, item.Content));
            }
        }

        return items;
    }

    private Parsed ParseOwn(string content)
    {
        var folded = FoldedText.Fold(content);
        var warnings = new List<string>();
        var lead = FindLead(content, folded, warnings);
        var supporting = new List<UnitProposal>();
        foreach (Match with in SupportingRegex().Matches(folded))
        {
            ReadList(content, folded, with.Index + with.Length, supporting, warnings);
        }

        supporting = supporting.Where(s => s.Code is null || s.Code != lead?.Code).DistinctBy(s => s.Code ?? "?" + s.Text).ToList();
        var deadline = FindDeadline(content, folded, warnings);
        return new Parsed(lead, supporting, deadline, warnings);
    }

    private UnitProposal? FindLead(string content, string folded, List<string> warnings)
    {
        var chairs = ChairsRegex().Match(folded);
        if (chairs.Success)
        {
            var clauseStart = ClauseStartRegex().Matches(folded[..chairs.Index]).LastOrDefault() is { } stop ? stop.Index + stop.Length : 0;
            var end = chairs.Index;
            while (end > clauseStart && folded[end - 1] is ' ' or ',')
            {
                end--;
            }

            // "Giao X chủ trì", "Đề nghị UBND Thành phố giao X chủ trì", "Giao Sở Giáo dục… chủ trì": the first "giao" whose
            // rest up to "chủ trì" is one name; else what the first one names.
            var starts = GiveRegex().Matches(folded[..end]).Where(m => m.Index >= clauseStart).Select(m => m.Index + m.Length).Append(clauseStart).ToList();
            UnitProposal? fallback = null;
            List<string>? fallbackWarnings = null;
            foreach (var start in starts.Select(s => SkipSpaces(folded, s)).Where(s => s < end))
            {
                var found = new List<string>();
                var mention = ReadOne(content, folded, start, found, end) ?? Unknown(content, start, end, found);
                if (mention.Code is not null && Covers(folded, start, end, mention))
                {
                    warnings.AddRange(found);
                    return mention;
                }

                if (fallback is null)
                {
                    (fallback, fallbackWarnings) = (mention.Code is null ? mention : Guessed(mention), found);
                }
            }

            if (fallback is not null)
            {
                warnings.AddRange(fallbackWarnings!);
                return fallback;
            }
        }
        else if (GiveRegex().Match(folded) is { Success: true } give)
        {
            if (ReadOne(content, folded, give.Index + give.Length, warnings) is { } given)
            {
                return Guessed(given);
            }
        }
        else if (names.ReadAt(folded, 0) is not null && ReadOne(content, folded, 0, warnings) is { Code: not null } first)
        {
            return Guessed(first);
        }

        warnings.Add(ItemWarnings.LeadNotFound);
        return null;
    }

    /// <summary>A lead found without "chủ trì", or filling only part of the words before it.</summary>
    private static UnitProposal Guessed(UnitProposal lead) => lead with { Confidence = Math.Round(lead.Confidence * Inferred, 2) };

    private static int SkipSpaces(string folded, int at)
    {
        while (at < folded.Length && folded[at] == ' ')
        {
            at++;
        }

        return at;
    }

    private static bool Covers(string folded, int start, int end, UnitProposal mention) =>
        start + mention.Text.Length >= end || folded[(start + mention.Text.Length)..end].Trim().Length == 0;

    /// <summary>Reads "Y, Z và W" from <paramref name="at"/>: units, groups and unknown unit names, until something else.</summary>
    private void ReadList(string content, string folded, int at, List<UnitProposal> into, List<string> warnings)
    {
        var position = at;
        while (true)
        {
            while (position < folded.Length && folded[position] == ' ')
            {
                position++;
            }

            var mention = ReadOne(content, folded, position, warnings);
            if (mention is null)
            {
                return;
            }

            into.Add(mention);
            position += mention.Text.Length;
            var separator = SeparatorRegex().Match(folded, position);
            if (!separator.Success)
            {
                return;
            }

            position += separator.Length;
        }
    }

    /// <summary>One unit, group or unknown unit name starting at <paramref name="start"/>; null when none starts there.</summary>
    private UnitProposal? ReadOne(string content, string folded, int start, List<string> warnings, int? end = null)
    {
        var limit = end ?? folded.Length;
        var group = GroupRegex().Match(folded, start);
        if (group.Success && group.Index + group.Length <= limit)
        {
            warnings.Add(ItemWarnings.UnitGroup);
            return new UnitProposal(content.Substring(start, group.Length), null, null, 0, []);
        }

        if (names.ReadAt(folded, start) is { } mention && mention.End <= limit && !FollowedByLocality(folded, mention.End))
        {
            var written = content[mention.Start..mention.End];
            var bare = FoldedText.IsBare(written) && !FoldedText.IsBare(mention.Units[0].Name) ? WithoutDiacritics : 1.0;
            if (mention.Units.Count == 1)
            {
                var unit = mention.Units[0];
                return new UnitProposal(written, unit.Code, unit.Name, Math.Round(mention.Weight * bare, 2), []);
            }

            warnings.Add(ItemWarnings.UnitAmbiguous);
            var best = mention.Units[0];
            var confidence = Math.Min(AmbiguousAtMost, 1.0 / mention.Units.Count) * bare;
            var alternatives = mention.Units.Select(u => new UnitChoice(u.Code, u.Name)).ToList();
            return new UnitProposal(written, best.Code, best.Name, Math.Round(confidence, 2), alternatives);
        }

        if (!UnitWords.Any(w => string.CompareOrdinal(folded, start, w, 0, w.Length) == 0))
        {
            return null;
        }

        var stop = StopRegex().Match(folded, start);
        var wordsEnd = start;
        for (var words = 0; words < MaxUnknownNameWords && wordsEnd < limit; words++)
        {
            var next = folded.IndexOf(' ', wordsEnd + 1);
            wordsEnd = next < 0 || next > limit ? limit : next;
        }

        var stopAt = Math.Min(Math.Min(stop.Success ? stop.Index : folded.Length, wordsEnd), limit);
        while (stopAt > start && folded[stopAt - 1] is ' ' or ',')
        {
            stopAt--;
        }

        return stopAt > start ? Unknown(content, start, stopAt, warnings) : null;
    }

    private static bool FollowedByLocality(string folded, int end) =>
        LocalityWords.Any(w => end + 1 + w.Length <= folded.Length && folded[end] == ' ' && string.CompareOrdinal(folded, end + 1, w, 0, w.Length) == 0
            && (end + 1 + w.Length == folded.Length || !char.IsLetter(folded[end + 1 + w.Length])));

    private static UnitProposal Unknown(string content, int start, int end, List<string> warnings)
    {
        warnings.Add(ItemWarnings.UnitNotFound);
        return new UnitProposal(content[start..end].Trim(' ', ','), null, null, 0, []);
    }

    private static ProposedDeadline FindDeadline(string content, string folded, List<string> warnings)
    {
        if (DayRegex().Match(folded) is { Success: true } day)
        {
            return Dated(DeadlineKind.Date, content, day, warnings, () => new DateOnly(Year(day), Int(day, "m"), Int(day, "d")));
        }

        if (MonthRegex().Match(folded) is { Success: true } month)
        {
            return Dated(DeadlineKind.Month, content, month, warnings, () =>
            {
                var first = new DateOnly(Year(month), Int(month, "m"), 1);
                return month.Groups["before"].Success ? first.AddDays(-1) : first.AddMonths(1).AddDays(-1);
            });
        }

        if (QuarterRegex().Match(folded) is { Success: true } quarter)
        {
            var number = quarter.Groups["q"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            return Dated(DeadlineKind.Quarter, content, quarter, warnings, () => new DateOnly(Year(quarter), number * 3, 1).AddMonths(1).AddDays(-1));
        }

        if (YearRegex().Match(folded) is { Success: true } year)
        {
            return Dated(DeadlineKind.Year, content, year, warnings, () => new DateOnly(Year(year) - (year.Groups["before"].Success ? 1 : 0), 12, 31));
        }

        if (PeriodicRegex().Match(folded) is { Success: true } periodic)
        {
            return new ProposedDeadline(DeadlineKind.Periodic, null, content.Substring(periodic.Index, periodic.Length));
        }

        warnings.Add(ItemWarnings.DeadlineMissing);
        return new ProposedDeadline(DeadlineKind.None, null, null);
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static int Year(Match match) => Int(match, "y");

    private static ProposedDeadline Dated(DeadlineKind kind, string content, Match match, List<string> warnings, Func<DateOnly> date)
    {
        var text = content.Substring(match.Index, match.Length);
        try
        {
            return new ProposedDeadline(kind, date(), text);
        }
        catch (ArgumentOutOfRangeException)
        {
            warnings.Add(ItemWarnings.DeadlineInvalid);
            return new ProposedDeadline(DeadlineKind.None, null, text);
        }
    }

    /// <summary>The list's entries in order, each with its number and the entry it sits under.</summary>
    private static List<RawItem> SplitItems(string text)
    {
        var lines = InlineItemRegex().Replace(text.Normalize(NormalizationForm.FormC).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'), "\n")
            .Split('\n');
        var items = new List<RawItem>();
        RawItem? current = null;
        var content = new StringBuilder();
        var open = new List<RawItem>();
        var dashes = 0;

        void Close()
        {
            if (current is not null)
            {
                items.Add(current with { Content = UnitNames.Collapse(content.ToString()) });
                open[^1] = items[^1];
            }

            current = null;
            content.Clear();
        }

        foreach (var rawLine in lines)
        {
            var line = UnitNames.Collapse(rawLine);
            if (line.Length == 0)
            {
                continue;
            }

            if (FoldedText.Fold(line).StartsWith("noi nhan", StringComparison.Ordinal))
            {
                break;
            }

            if (RomanRegex().IsMatch(line))
            {
                Close();
                open.Clear();
                continue;
            }

            var marker = MarkerRegex().Match(line);
            if (!marker.Success)
            {
                if (current is not null)
                {
                    content.Append(' ').Append(line);
                }

                continue;
            }

            Close();
            int depth;
            string number;
            if (marker.Groups["n"].Success)
            {
                number = marker.Groups["n"].Value;
                depth = number.Count(c => c == '.') + 1;
                dashes = 0;
            }
            else if (marker.Groups["l"].Success)
            {
                var parent = open.LastOrDefault(o => o.Kind == MarkerKind.Number);
                depth = (parent?.Depth ?? 0) + 1;
                number = parent is null ? marker.Groups["l"].Value : $"{parent.Number}.{marker.Groups["l"].Value}";
                dashes = 0;
            }
            else
            {
                var parent = open.LastOrDefault(o => o.Kind != MarkerKind.Dash);
                depth = (parent?.Depth ?? 0) + 1;
                dashes++;
                number = parent is null ? dashes.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{parent.Number}.{dashes}";
            }

            var kind = marker.Groups["n"].Success ? MarkerKind.Number : marker.Groups["l"].Success ? MarkerKind.Letter : MarkerKind.Dash;
            open.RemoveAll(o => o.Depth >= depth);
            current = new RawItem(number, depth, kind, open.LastOrDefault(), "");
            open.Add(current);
            content.Append(line[marker.Length..]);
        }

        Close();
        return items;
    }

    private enum MarkerKind
    {
        Number,
        Letter,
        Dash,
    }

    private sealed record RawItem(string Number, int Depth, MarkerKind Kind, RawItem? Parent, string Content)
    {
        public bool Equals(RawItem? other) => ReferenceEquals(this, other);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this);
    }

    private sealed record Parsed(UnitProposal? Lead, IReadOnlyList<UnitProposal> Supporting, ProposedDeadline Deadline, IReadOnlyList<string> Warnings)
    {
        /// <summary>This entry, taking from its heading what it does not say itself.</summary>
        public Parsed Inherit(Parsed heading)
        {
            var lead = Lead ?? heading.Lead;
            var supporting = Supporting.Count > 0 || Lead is not null ? Supporting : heading.Supporting;
            var deadline = Deadline.Kind == DeadlineKind.None && Deadline.Text is null ? heading.Deadline : Deadline;
            var warnings = Warnings.Where(w => !(w == ItemWarnings.LeadNotFound && lead is not null) && !(w == ItemWarnings.DeadlineMissing && deadline.Kind != DeadlineKind.None))
                .Concat(ReferenceEquals(lead, heading.Lead) || ReferenceEquals(supporting, heading.Supporting) || ReferenceEquals(deadline, heading.Deadline)
                    ? heading.Warnings.Where(w => w is not ItemWarnings.LeadNotFound and not ItemWarnings.DeadlineMissing)
                    : [])
                .ToList();
            return new Parsed(lead, supporting, deadline, warnings);
        }

        public ProposedItem ToItem(string number, string content) => new(number, content, Lead, Supporting, Deadline, Warnings.Distinct(StringComparer.Ordinal).ToList());
    }

    [GeneratedRegex(@"(?<=[.;:!?])[ \t]+(?=(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ]\))[ \t]+\p{Lu})")]
    private static partial Regex InlineItemRegex();

    [GeneratedRegex(@"^(?:(?<n>\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s*|\s+)|(?<l>[a-zđ])[.)]\s*|[-–—•+*]\s*)(?=\S)")]
    private static partial Regex MarkerRegex();

    [GeneratedRegex(@"^[IVX]{1,5}[.)]\s")]
    private static partial Regex RomanRegex();

    [GeneratedRegex(@"\bchu tri\b")]
    private static partial Regex ChairsRegex();

    [GeneratedRegex(@"[;:]|\.(?= )")]
    private static partial Regex ClauseStartRegex();

    [GeneratedRegex(@"\b(?:giao|de nghi|yeu cau)(?: cho)?(?: thuong truc)? ")]
    private static partial Regex GiveRegex();

    [GeneratedRegex(@"\bphoi hop(?: chat che)?(?: voi| cung)? ")]
    private static partial Regex SupportingRegex();

    [GeneratedRegex(@"\G ?(?:[,;] ?(?:va )?|va |cung )")]
    private static partial Regex SeparatorRegex();

    [GeneratedRegex(@"\G(?:(?:ubnd|uy ban nhan dan|hdnd|dang uy|uy ban mttq|mttq) )?cac [a-z ,]{0,40}?(?:co )?lien quan\b")]
    private static partial Regex GroupRegex();

    [GeneratedRegex(@"[,;.()]| va |\b(?:hoan thanh|truoc|trong|de|thuc hien|to chuc|trien khai|xay dung|ra soat|bao cao|tham muu|chi dao|kiem tra|nghien cuu|lap|danh gia|tuyen truyen|cham nhat|thuong xuyen|khan truong|tiep tuc|giai quyet|xu ly|dam bao|chu tri|phoi hop)\b")]
    private static partial Regex StopRegex();

    [GeneratedRegex(@"(?:truoc|cham nhat|han chot|thoi han|han|hoan thanh|xong|den|trong)(?: (?:la|vao|ngay|truoc|trong))* (?:(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4})|(?<d>\d{1,2}) thang (?<m>\d{1,2}) nam (?<y>\d{4}))")]
    private static partial Regex DayRegex();

    [GeneratedRegex(@"(?:(?<before>truoc) |(?:trong|den het|den|hoan thanh|xong)(?: trong)? )?thang (?<m>\d{1,2})(?:[/.-]| nam )(?<y>\d{4})")]
    private static partial Regex MonthRegex();

    [GeneratedRegex(@"(?:(?:trong|truoc|den het|hoan thanh|xong)(?: trong)? )?quy (?<q>iv|iii|ii|i|[1-4]) ?(?:[/.-]|nam) ?(?<y>\d{4})")]
    private static partial Regex QuarterRegex();

    [GeneratedRegex(@"(?:(?<before>truoc) |(?:trong|den het|hoan thanh|xong)(?: trong)? )nam (?<y>\d{4})")]
    private static partial Regex YearRegex();

    [GeneratedRegex(@"\b(?:thuong xuyen|dinh ky|hang tuan|hang thang|hang quy|hang nam)\b")]
    private static partial Regex PeriodicRegex();
}
