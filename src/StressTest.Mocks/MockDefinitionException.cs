// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

namespace StressTest.Mocks;

/// <summary>
/// A value a mock definition cannot use, naming the field as the JSON profile spells it (<c>p99</c>,
/// <c>probability</c>), so the profile reader can point at the file's line and a caller in code reads the same words.
/// </summary>
internal sealed class MockDefinitionException : ArgumentException
{
    public MockDefinitionException(string field, string problem)
        : base(problem, field)
    {
        Field = field;
        Problem = problem;
    }

    /// <summary>The field, relative to the object being defined (<c>p99</c>, <c>failures[1].probability</c>).</summary>
    public string Field { get; }

    /// <summary>What is wrong and what was expected, without the field.</summary>
    public string Problem { get; }

    /// <summary>The same problem one level down: <c>failures[1]</c> + <c>probability</c>.</summary>
    public MockDefinitionException Within(string parent) => new(parent + "." + Field, Problem);
}
