"""Quy tắc thi đua, khen thưởng — pure Python, standard library only, no Django.

Every rule cites its article (Luật Thi đua, khen thưởng 2022; Nghị định 152/2025/NĐ-CP; ...).
The source of truth for the rules is ``shared/domain/rules.md``; see ``README.md`` here for the
module map.  Import the pieces you need::

    from thidua.rules.eligibility import evaluate, shortfall
    from thidua.rules.jsonio import case_from_dict, verdict_to_dict, run_cases
    from thidua.rules.money import reward_amount, payable_amounts
    from thidua.rules.parameters import DEFAULT_PARAMETERS, RuleParameters
"""
