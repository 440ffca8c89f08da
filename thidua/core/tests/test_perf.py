"""The collector pause is scoped: it ends with the block, also when blocks overlap or fail."""
import gc

import pytest

from thidua.core.perf import gc_paused


def test_the_collector_is_paused_inside_and_resumes_after():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer block still builds
    assert gc.isenabled()


def test_the_collector_resumes_when_the_block_fails():
    @gc_paused()
    def build():
        assert not gc.isenabled()
        raise ValueError("boom")

    with pytest.raises(ValueError):
        build()
    assert gc.isenabled()


def test_a_collector_disabled_by_someone_else_stays_disabled():
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
