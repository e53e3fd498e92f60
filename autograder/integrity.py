"""Detect a submission that tampered with what the test cells rely on.

A test cell runs in the same Python process as the student's code, so code in a submission can
replace `numpy.allclose`, the helpers of `cnnlab.checks`, a builtin, or IPython's own machinery
(`run_cell`, `showtraceback`, `set_custom_exc`, input transformers, event callbacks) and make failing
tests look like passing ones. The sandbox cannot stop that (it is the same process); this probe
catches it. `SETUP` runs, silently, before the first cell of the notebook: it records the objects
that matter. After every graded test cell that passed, the grader evaluates `CHECK` (as a
``user_expression``, which does not go through ``run_cell``): it names whatever was replaced, and
the grader turns that test into an error "TamperingDetected: ...".

This catches the ways of cheating that a student finds by searching the web (and every one in the
hostile corpus, tests/submissions). It is not a proof: determined code that knows this probe can
restore things before the probe looks. The autograded notebook keeps every cell, so a look at a
suspicious submission settles it.
"""
from __future__ import annotations

import ast

MODULE = "_autograder_probe"


def check_expression(test_source: str) -> str:
    """The expression the grader evaluates after a passing test cell (`test_source` names what it uses)."""
    try:
        names = sorted({n.id for n in ast.walk(ast.parse(test_source)) if isinstance(n, ast.Name)})
    except SyntaxError:
        names = []
    return f"__import__('sys').modules[{MODULE!r}].check({names!r})"


SETUP = r'''
def _autograder_probe_setup():
    import builtins, sys, types
    import numpy, numpy.linalg, numpy.testing
    import cnnlab, cnnlab.checks
    early = ("builtins", "numpy", "numpy.linalg", "numpy.testing", "cnnlab", "cnnlab.checks")
    late = ("torch", "torch.testing", "torch.nn.functional", "scipy.signal", "scipy.linalg", "math")
    modules = {name: sys.modules[name] for name in early}
    snapshot = {name: dict(vars(mod)) for name, mod in modules.items()}
    # IPython re-binds these builtins around every execution (its builtin trap): not evidence of anything.
    ignore = {"_", "__", "___", "get_ipython", "input", "raw_input", "display", "exit", "quit", "__IPYTHON__",
              "dreload"}
    ip = get_ipython()
    shell_cls, kernel = type(ip), ip.kernel
    shell_names = ("run_cell", "run_cell_async", "run_code", "run_ast_nodes", "showtraceback",
                   "_showtraceback", "showsyntaxerror", "CustomTB", "transform_cell", "user_expressions",
                   "should_run_async", "run_line_magic", "ex", "ev")
    kernel_names = ("do_execute", "execute_request", "send_response", "finish_metadata")
    shell_ref = {n: getattr(shell_cls, n, None) for n in shell_names}
    shell_own = {n: vars(ip).get(n) for n in shell_names}
    kernel_ref = {n: getattr(type(kernel), n, None) for n in kernel_names}
    session_send = type(kernel.session).send
    def from_notebook(f):
        for obj in (f, getattr(f, "__func__", None), type(f)):
            if obj is not None and getattr(obj, "__module__", None) == "__main__":
                return True
        return False
    def hooks():
        return {
            "input transformers": list(ip.input_transformers_cleanup) + list(ip.input_transformers_post)
            + list(ip.input_transformer_manager.cleanup_transforms)
            + list(ip.input_transformer_manager.line_transforms)
            + list(ip.input_transformer_manager.token_transformers),
            "AST transformers": list(ip.ast_transformers),
            "event callbacks": [cb for cbs in ip.events.callbacks.values() for cb in cbs],
        }
    protected = set(snapshot["builtins"]) | set(snapshot["cnnlab.checks"]) | set(snapshot["numpy.testing"])
    def check(names):
        bad = []
        user = ip.user_ns
        for n in names:  # names the test cell uses: helpers and modules it expects, not the notebook's own
            v = user.get(n, bad)
            if v is bad:
                continue
            if isinstance(v, types.ModuleType):
                if sys.modules.get(v.__name__) is not v:
                    bad.append(f"the module {n}")
            elif n in protected and from_notebook(v):
                bad.append(f"{n} (redefined in the notebook)")
        for name, mod in modules.items():
            if sys.modules.get(name) is not mod:
                bad.append(f"sys.modules[{name!r}]")
                continue
            now = vars(mod)
            bad += [f"{name}.{k}" for k, v in snapshot[name].items() if k not in ignore and now.get(k, bad) is not v]
        for name in late:
            mod = sys.modules.get(name)
            if mod is None:
                continue
            if not isinstance(mod, types.ModuleType) or getattr(mod, "__spec__", None) is None:
                bad.append(f"sys.modules[{name!r}]")
                continue
            for k, v in list(vars(mod).items()):
                if callable(v) and getattr(v, "__module__", None) == "__main__":
                    bad.append(f"{name}.{k}")
        bad += [f"IPython shell.{n}" for n, v in shell_ref.items()
                if getattr(shell_cls, n, None) is not v or vars(ip).get(n) is not shell_own[n]]
        bad += [f"ipykernel kernel.{n}" for n, v in kernel_ref.items()
                if getattr(type(kernel), n, None) is not v or n in vars(kernel)]
        if type(kernel.session).send is not session_send or "send" in vars(kernel.session):
            bad.append("jupyter session.send")
        if ip.custom_exceptions:
            bad.append("IPython set_custom_exc")
        for kind, found in hooks().items():
            if any(from_notebook(f) for f in found):
                bad.append(f"IPython {kind}")
        return "; ".join(sorted(set(bad))[:8])
    sys.modules[MODULE] = types.ModuleType(MODULE, "The grader's tampering probe (autograder/integrity.py).")
    sys.modules[MODULE].check = check
_autograder_probe_setup()
del _autograder_probe_setup
'''.replace("MODULE", repr(MODULE))


def parse_reply(reply: dict | None) -> str | None:
    """What the probe found ('' for nothing), or a description of why it could not run (a finding too)."""
    if reply is None:
        return "the tampering probe got no reply"
    content = reply.get("content", {})
    result = content.get("user_expressions", {}).get("probe")
    if content.get("status") != "ok" or not result:
        return "the tampering probe could not run"
    if result.get("status") != "ok":
        return f"the tampering probe failed: {result.get('ename')}: {result.get('evalue', '')[:200]}"
    text = result.get("data", {}).get("text/plain", "''")
    try:
        return str(ast.literal_eval(text))
    except (ValueError, SyntaxError):
        return "the tampering probe returned garbage"
