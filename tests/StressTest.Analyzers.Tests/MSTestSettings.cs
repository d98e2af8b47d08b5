// Copyright (c) 2026 Marc Schraffenberger
// SPDX-License-Identifier: MIT

[assembly: Parallelize(Scope = ExecutionScope.MethodLevel)]
