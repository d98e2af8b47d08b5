// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

using StressTest.Tests.Architecture.Samples.Crooked.Workers;

namespace StressTest.Tests.Architecture.Samples.Crooked.Transport;

/// <summary>A message that carries an engine object: Transport uses Workers.</summary>
internal sealed record Message(Slot Slot);
