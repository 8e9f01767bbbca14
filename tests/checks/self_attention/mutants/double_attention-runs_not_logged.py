# exercise: double_attention
# mistake: the model is defined but its training cell was never run, so no run of 'double' is logged
def make_checkpoint(trained):
    return {'runs': {n: a for n, a in trained['runs'].items() if n != 'double'},
            'table': {n: r for n, r in trained['table'].items() if n != 'double'},
            'ranking': [n for n in trained['ranking'] if n != 'double']}
