# exercise: resnet10_attention
# mistake: the model is defined but its training cell was never run, so no run of 'resnet10_attention' is logged
def make_checkpoint(trained):
    return {'runs': {n: a for n, a in trained['runs'].items() if n != 'resnet10_attention'},
            'table': {n: r for n, r in trained['table'].items() if n != 'resnet10_attention'},
            'ranking': [n for n in trained['ranking'] if n != 'resnet10_attention']}
