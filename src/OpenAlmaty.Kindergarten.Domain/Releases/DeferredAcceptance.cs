using OpenAlmaty.Kindergarten.Domain.Common;

namespace OpenAlmaty.Kindergarten.Domain.Releases;

/// Student-proposing deferred acceptance (Gale–Shapley), as New York and Amsterdam run school
/// choice: every child proposes to their best pool not yet tried; each pool keeps the best
/// proposers up to its seats, tentatively, and rejects the rest, who propose onward. It ends when
/// nobody is rejected. The result is stable (no child prefers a pool that admitted a child after
/// them or has a seat left) and telling the truth is the child's best strategy. With one priority
/// order for every pool it equals taking the children in that order, each to their best pool with
/// a seat left; the code is the real algorithm so that per-pool priorities can come later (they
/// would replace the one comparison of positions below). Deterministic: integers and arrays, no
/// hash-order iteration, no randomness beyond the seed.
public static class DeferredAcceptance
{
    public static AllocationResult Allocate(AllocationInput input)
    {
        var problems = AllocationValidator.Validate(input);
        if (problems.Count > 0)
            throw new DomainException("allocation.invalid", problems[0].Text);

        var permutation = ReleaseOrder.Permutation(input);
        var ordered = permutation.Select(i => input.Requests[i]).ToArray();
        var poolIndex = new Dictionary<string, int>(input.Pools.Count, StringComparer.Ordinal);
        for (var p = 0; p < input.Pools.Count; p++) poolIndex.Add(input.Pools[p].PoolId, p);

        // Child c is the c-th in the priority order: a lower index is a higher priority.
        var choices = new int[ordered.Length][];
        for (var c = 0; c < ordered.Length; c++)
            choices[c] = [.. ordered[c].RankedPools.Select(id => poolIndex[id])];

        // Children propose in the order the requests came in, not in priority order: the result
        // is the same either way (a theorem of deferred acceptance, and a test), and this way the
        // pools really do drop tentative admits, so that part of the algorithm is exercised.
        var arrival = new int[permutation.Length];
        for (var c = 0; c < permutation.Length; c++) arrival[permutation[c]] = c;
        var held = Propose(choices, [.. input.Pools.Select(p => p.Seats)], arrival, out var next);
        return Describe(input, ordered, choices, held, next);
    }

    /// The proposals. Returns, per child, the pool holding them (−1: none); next[c] is how many of
    /// their choices they have tried, so a held child got choice number next[c] (1-based).
    internal static int[] Propose(int[][] choices, int[] seats, int[] proposers, out int[] next)
    {
        var n = choices.Length;
        var held = new int[n];
        Array.Fill(held, -1);
        next = new int[n];
        // Each pool's tentative admits, worst (highest index) on top, so the pool can drop them.
        var admits = new PriorityQueue<int, int>?[seats.Length];
        var free = new Stack<int>(n);
        for (var i = proposers.Length - 1; i >= 0; i--) free.Push(proposers[i]);

        while (free.TryPop(out var child))
        {
            while (next[child] < choices[child].Length)
            {
                var pool = choices[child][next[child]++];
                if (seats[pool] == 0) continue;
                var queue = admits[pool] ??= new PriorityQueue<int, int>(Math.Min(seats[pool], n));
                if (queue.Count < seats[pool])
                {
                    queue.Enqueue(child, -child);
                    held[child] = pool;
                    break;
                }
                var worst = queue.Peek();
                if (worst < child) continue; // rejected: everyone held there comes before this child
                queue.DequeueEnqueue(child, -child);
                held[child] = pool;
                held[worst] = -1;
                free.Push(worst);
                break;
            }
        }
        return held;
    }

    static AllocationResult Describe(AllocationInput input, AllocationRequest[] ordered, int[][] choices, int[] held, int[] next)
    {
        var pools = input.Pools;
        var admitted = new int[pools.Count];
        var last = new long[pools.Count];
        var waiting = new List<string>[pools.Count];
        for (var p = 0; p < waiting.Length; p++) waiting[p] = [];

        var placements = new Placement[ordered.Length];
        for (var c = 0; c < ordered.Length; c++)
        {
            var position = c + 1L;
            var pool = held[c];
            var pseudonym = ordered[c].Pseudonym;
            // Everything ranked above what the child got (everything, if nothing) keeps them waiting.
            var above = pool >= 0 ? next[c] - 1 : choices[c].Length;
            for (var k = 0; k < above; k++) waiting[choices[c][k]].Add(pseudonym);
            if (pool < 0)
            {
                placements[c] = new Placement(pseudonym, null, null, position);
                continue;
            }
            admitted[pool]++;
            last[pool] = position;
            placements[c] = new Placement(pseudonym, pools[pool].PoolId, next[c], position);
        }

        var outcomes = new PoolOutcome[pools.Count];
        var lists = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var p = 0; p < pools.Count; p++)
        {
            outcomes[p] = new PoolOutcome(pools[p].PoolId, pools[p].Seats, admitted[p], admitted[p] > 0 ? last[p] : null);
            lists.Add(pools[p].PoolId, waiting[p]);
        }
        return new AllocationResult(placements, outcomes, lists);
    }
}
