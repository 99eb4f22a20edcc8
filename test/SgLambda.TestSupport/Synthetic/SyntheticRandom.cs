namespace SgLambda.TestSupport.Synthetic;

/// <summary>Small helpers over a seeded <see cref="Random"/>, so the generator reads as the shapes it draws.</summary>
internal static class SyntheticRandom
{
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// An index in [0, count) where low indices are much more likely: a few SGs have most members, as in
    /// real accounts where many SGs are barely used.
    /// </summary>
    public static int Skewed(this Random random, int count) => Math.Min(count - 1, (int)(count * Math.Pow(random.NextDouble(), 2.5)));

    /// <summary>An index into <paramref name="weights"/>, each index as likely as its weight.</summary>
    public static int Weighted(this Random random, IReadOnlyList<double> weights)
    {
        var total = weights.Sum();
        var roll = random.NextDouble() * total;
        for (var i = 0; i < weights.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0) return i;
        }
        return weights.Count - 1;
    }
}
