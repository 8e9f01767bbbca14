# exercise: late_attention
# mistake: the model is defined but its training cell was never run, so no run of 'late' is logged
def make_checkpoint(trained):
    return {'runs': {n: a for n, a in trained['runs'].items() if n != 'late'},
            'table': {n: r for n, r in trained['table'].items() if n != 'late'},
            'ranking': [n for n in trained['ranking'] if n != 'late']}
