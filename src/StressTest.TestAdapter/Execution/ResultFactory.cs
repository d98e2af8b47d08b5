// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using Microsoft.VisualStudio.TestPlatform.ObjectModel;
using StressTest.Evaluation;
using StressTest.Runner;

namespace StressTest.TestAdapter.Execution;

/// <summary>Turns the engine's record into a VSTest result: outcome, message, stdout summary, attachments.</summary>
internal static class ResultFactory
{
    public static TestResult Create(TestCase testCase, TestRunRecord record, DateTimeOffset startTime, DateTimeOffset endTime)
    {
        ArgumentNullException.ThrowIfNull(record);
        var result = new TestResult(testCase)
        {
            Outcome = record.Outcome switch
            {
                RunOutcome.Passed => TestOutcome.Passed,
                // Cancelled is neither a pass nor the code's failure: it shows as skipped, with the reason.
                RunOutcome.Cancelled or RunOutcome.Skipped => TestOutcome.Skipped,
                _ => TestOutcome.Failed,
            },
            ErrorMessage = record.Message.Length == 0 ? null : record.Message,
            Duration = record.Elapsed,
            StartTime = startTime,
            EndTime = endTime,
            ComputerName = Environment.MachineName,
        };
        if (record.Summary.Length > 0)
        {
            result.Messages.Add(new TestResultMessage(TestResultMessage.StandardOutCategory, record.Summary));
        }

        if (record.Files.Count > 0)
        {
            var attachments = new AttachmentSet(new Uri(AdapterInfo.AttachmentUri), "StressTest reports");
            foreach (var file in record.Files)
            {
                // Round-tripped through AbsoluteUri: on Linux a plain file Uri can turn relative on its way to
                // vstest.console, which then marks the whole result as an error.
                attachments.Attachments.Add(new UriDataAttachment(new Uri(new Uri(file.Path).AbsoluteUri), file.Description));
            }

            result.Attachments.Add(attachments);
        }

        return result;
    }
}
