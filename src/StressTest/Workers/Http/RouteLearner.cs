// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Collections.Concurrent;

namespace StressTest.Workers.Http;

/// <summary>
/// Learns which path positions hold values rather than route words, from how many different values they take: a
/// position that takes more than <see cref="MaxValues"/> different literal values under the same parent (random slugs,
/// user names) becomes <c>{id}</c> for the rest of the run, and at the end every name sent before that is merged into
/// it (<see cref="EndpointNames.Aliases"/>). The endpoint names then depend on the set of paths requested, never on
/// their order or on what random text happened to look like an id.
/// </summary>
/// <remarks>
/// A trie of path segments per authority. Segments that are ids by their shape alone (numbers, GUIDs, long hex) do not
/// count: <c>/orders/recent</c> stays beside <c>/orders/{id}</c> however many order numbers were fetched. Lookups of a
/// value seen before take no lock and allocate nothing (an alternate lookup by span); a new value takes a lock. At most
/// <see cref="MaxNodes"/> nodes in all: a run whose every path is new turns further positions into <c>{id}</c>.
/// </remarks>
internal sealed class RouteLearner
{
    /// <summary>Different literal values a position may take under one parent before it is taken for a value.</summary>
    public const int MaxValues = 20;

    private const int MaxNodes = 10_000;

    private readonly ConcurrentDictionary<string, Node> _roots = new(StringComparer.Ordinal);
    private int _nodes;

    /// <summary>The trie of the paths to one authority ("" for the base address's).</summary>
    public Node Root(string authority) =>
        _roots.TryGetValue(authority, out var root) ? root : _roots.GetOrAdd(authority, static (_, learner) => new Node(learner), this);

    private bool TryAddNode() => Interlocked.Increment(ref _nodes) <= MaxNodes;

    /// <summary>One path position under a given prefix.</summary>
    internal sealed class Node(RouteLearner learner)
    {
        private readonly ConcurrentDictionary<string, Node> _children = new(StringComparer.Ordinal);
        private Node? _id;
        private volatile bool _variable;

        /// <summary>True once the position took more than <see cref="MaxValues"/> literal values: every value is <c>{id}</c>.</summary>
        public bool IsVariable => _variable;

        /// <summary>Where the path continues after an <c>{id}</c> at this position.</summary>
        public Node IdChild => _id ?? Interlocked.CompareExchange(ref _id, new Node(learner), null) ?? _id!;

        /// <summary>A literal value at this position: its node, or null when the position is (or just became) variable.</summary>
        public Node? See(ReadOnlySpan<char> value)
        {
            if (_variable)
            {
                return null;
            }

            if (_children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var child))
            {
                return child;
            }

            lock (_children)
            {
                if (_children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out child))
                {
                    return child;
                }

                if (_children.Count >= MaxValues || !learner.TryAddNode())
                {
                    _variable = true;
                    return null;
                }

                return _children[value.ToString()] = new Node(learner);
            }
        }

        /// <summary>The node of a literal value as the run knows it now, without counting it; null when the position is
        /// variable or never took the value.</summary>
        public Node? Find(ReadOnlySpan<char> value) =>
            !_variable && _children.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(value, out var child) ? child : null;
    }
}
