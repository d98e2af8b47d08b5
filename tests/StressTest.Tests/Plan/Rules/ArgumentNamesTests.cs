// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using System.Reflection;
using StressTest.Plan.Rules;

namespace StressTest.Tests.Plan.Rules;

/// <summary>
/// The shared rules name the attribute's properties and enum members by text (the analyzer compiles them without the
/// attribute); these tests hold the text to the public API, so a renamed, added or reordered member fails here.
/// </summary>
[TestClass]
public sealed class ArgumentNamesTests
{
    [TestMethod]
    public void All_IsEveryPropertyOfStressTestAttribute()
    {
        var properties = typeof(StressTestAttribute)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal)
            .ToList();

        CollectionAssert.AreEqual(properties, ArgumentNames.All.Order(StringComparer.Ordinal).ToList());
    }

    [TestMethod]
    public void Constants_AreThePropertyNamesTheyStandFor()
    {
        var constants = typeof(ArgumentNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name != nameof(ArgumentNames.Step))
            .ToList();

        Assert.HasCount(ArgumentNames.All.Count, constants);
        foreach (var constant in constants)
        {
            Assert.AreEqual(constant.Name, constant.GetRawConstantValue(), "each constant holds its own name");
        }

        Assert.IsNotNull(typeof(ThresholdAttribute).GetProperty(ArgumentNames.Step), "[Threshold] has the Step the scanner reads");
    }

    [TestMethod]
    public void EnumTables_ListTheMembersByValue()
    {
        CollectionAssert.AreEqual(Enum.GetValues<LoadModel>().Select(v => v.ToString()).ToList(), ArgumentNames.LoadModels.ToList());
        CollectionAssert.AreEqual(Enum.GetValues<LoadModel>().Select(v => (int)v).ToList(), Enumerable.Range(0, ArgumentNames.LoadModels.Count).ToList());
        CollectionAssert.AreEqual(Enum.GetValues<Arrivals>().Select(v => v.ToString()).ToList(), ArgumentNames.ArrivalPatterns.ToList());
        CollectionAssert.AreEqual(Enum.GetValues<Arrivals>().Select(v => (int)v).ToList(), Enumerable.Range(0, ArgumentNames.ArrivalPatterns.Count).ToList());
    }
}
