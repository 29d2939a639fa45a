namespace KnowledgeHub.Expertise.Features.Skills;

/// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
internal static class EditDistance
{
    private const int MaxStackRow = 128;

    /// <summary>The distance, or <paramref name="limit"/> + 1 as soon as it is known to exceed the limit.</summary>
    public static int Within(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        // Three rows of the table, reused in turn; on the stack for names of the taxonomy's length, since a
        // typo is compared with thousands of names of its length (ADR 0115).
        var width = b.Length + 1;
        Span<int> rows = width <= MaxStackRow ? stackalloc int[3 * width] : new int[3 * width];
        var (previousPrevious, previous, current) = (0, width, 2 * width);
        for (var j = 0; j <= b.Length; j++)
        {
            rows[previous + j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var cell = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    cell = Math.Min(cell, rows[previousPrevious + j - 2] + 1);
                }

                rows[current + j] = cell;
                rowMinimum = Math.Min(rowMinimum, cell);
            }

            if (rowMinimum > limit)
            {
                return limit + 1;
            }

            (previousPrevious, previous, current) = (previous, current, previousPrevious);
        }

        return Math.Min(rows[previous + b.Length], limit + 1);
    }
}
